#include "textflag.h"

// func addDenseAVX2(dst *int32, src *int16, offs *uint32, n int)
//
// Y0–Y13 hold the 112 sums; each row is read 8 int16 at a time, widened
// to int32 and added.
TEXT ·addDenseAVX2(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DI
	MOVQ src+8(FP), SI
	MOVQ offs+16(FP), BX
	MOVQ n+24(FP), CX
	VMOVDQU 0(DI), Y0
	VMOVDQU 32(DI), Y1
	VMOVDQU 64(DI), Y2
	VMOVDQU 96(DI), Y3
	VMOVDQU 128(DI), Y4
	VMOVDQU 160(DI), Y5
	VMOVDQU 192(DI), Y6
	VMOVDQU 224(DI), Y7
	VMOVDQU 256(DI), Y8
	VMOVDQU 288(DI), Y9
	VMOVDQU 320(DI), Y10
	VMOVDQU 352(DI), Y11
	VMOVDQU 384(DI), Y12
	VMOVDQU 416(DI), Y13
	TESTQ CX, CX
	JZ done

loop:
	MOVL (BX), AX
	LEAQ (SI)(AX*2), DX
	VPMOVSXWD 0(DX), Y14
	VPMOVSXWD 16(DX), Y15
	VPADDD Y14, Y0, Y0
	VPADDD Y15, Y1, Y1
	VPMOVSXWD 32(DX), Y14
	VPMOVSXWD 48(DX), Y15
	VPADDD Y14, Y2, Y2
	VPADDD Y15, Y3, Y3
	VPMOVSXWD 64(DX), Y14
	VPMOVSXWD 80(DX), Y15
	VPADDD Y14, Y4, Y4
	VPADDD Y15, Y5, Y5
	VPMOVSXWD 96(DX), Y14
	VPMOVSXWD 112(DX), Y15
	VPADDD Y14, Y6, Y6
	VPADDD Y15, Y7, Y7
	VPMOVSXWD 128(DX), Y14
	VPMOVSXWD 144(DX), Y15
	VPADDD Y14, Y8, Y8
	VPADDD Y15, Y9, Y9
	VPMOVSXWD 160(DX), Y14
	VPMOVSXWD 176(DX), Y15
	VPADDD Y14, Y10, Y10
	VPADDD Y15, Y11, Y11
	VPMOVSXWD 192(DX), Y14
	VPMOVSXWD 208(DX), Y15
	VPADDD Y14, Y12, Y12
	VPADDD Y15, Y13, Y13
	ADDQ $4, BX
	DECQ CX
	JNZ loop

done:
	VMOVDQU Y0, 0(DI)
	VMOVDQU Y1, 32(DI)
	VMOVDQU Y2, 64(DI)
	VMOVDQU Y3, 96(DI)
	VMOVDQU Y4, 128(DI)
	VMOVDQU Y5, 160(DI)
	VMOVDQU Y6, 192(DI)
	VMOVDQU Y7, 224(DI)
	VMOVDQU Y8, 256(DI)
	VMOVDQU Y9, 288(DI)
	VMOVDQU Y10, 320(DI)
	VMOVDQU Y11, 352(DI)
	VMOVDQU Y12, 384(DI)
	VMOVDQU Y13, 416(DI)
	VZEROUPPER
	RET

// func addVecsAVX2(dst, a, b, c, d, e *int32)
//
// Adds the 128 int32 at a, b, c, d and e to the 128 at dst, 64 at a time
// (eight registers of sums).
TEXT ·addVecsAVX2(SB), NOSPLIT, $0-48
	MOVQ dst+0(FP), DI
	MOVQ a+8(FP), AX
	MOVQ b+16(FP), BX
	MOVQ c+24(FP), CX
	MOVQ d+32(FP), DX
	MOVQ e+40(FP), R8
	MOVQ $2, SI

half:
	VMOVDQU 0(DI), Y0
	VMOVDQU 32(DI), Y1
	VMOVDQU 64(DI), Y2
	VMOVDQU 96(DI), Y3
	VMOVDQU 128(DI), Y4
	VMOVDQU 160(DI), Y5
	VMOVDQU 192(DI), Y6
	VMOVDQU 224(DI), Y7
	VPADDD 0(AX), Y0, Y0
	VPADDD 32(AX), Y1, Y1
	VPADDD 64(AX), Y2, Y2
	VPADDD 96(AX), Y3, Y3
	VPADDD 128(AX), Y4, Y4
	VPADDD 160(AX), Y5, Y5
	VPADDD 192(AX), Y6, Y6
	VPADDD 224(AX), Y7, Y7
	VPADDD 0(BX), Y0, Y0
	VPADDD 32(BX), Y1, Y1
	VPADDD 64(BX), Y2, Y2
	VPADDD 96(BX), Y3, Y3
	VPADDD 128(BX), Y4, Y4
	VPADDD 160(BX), Y5, Y5
	VPADDD 192(BX), Y6, Y6
	VPADDD 224(BX), Y7, Y7
	VPADDD 0(CX), Y0, Y0
	VPADDD 32(CX), Y1, Y1
	VPADDD 64(CX), Y2, Y2
	VPADDD 96(CX), Y3, Y3
	VPADDD 128(CX), Y4, Y4
	VPADDD 160(CX), Y5, Y5
	VPADDD 192(CX), Y6, Y6
	VPADDD 224(CX), Y7, Y7
	VPADDD 0(DX), Y0, Y0
	VPADDD 32(DX), Y1, Y1
	VPADDD 64(DX), Y2, Y2
	VPADDD 96(DX), Y3, Y3
	VPADDD 128(DX), Y4, Y4
	VPADDD 160(DX), Y5, Y5
	VPADDD 192(DX), Y6, Y6
	VPADDD 224(DX), Y7, Y7
	VPADDD 0(R8), Y0, Y0
	VPADDD 32(R8), Y1, Y1
	VPADDD 64(R8), Y2, Y2
	VPADDD 96(R8), Y3, Y3
	VPADDD 128(R8), Y4, Y4
	VPADDD 160(R8), Y5, Y5
	VPADDD 192(R8), Y6, Y6
	VPADDD 224(R8), Y7, Y7
	VMOVDQU Y0, 0(DI)
	VMOVDQU Y1, 32(DI)
	VMOVDQU Y2, 64(DI)
	VMOVDQU Y3, 96(DI)
	VMOVDQU Y4, 128(DI)
	VMOVDQU Y5, 160(DI)
	VMOVDQU Y6, 192(DI)
	VMOVDQU Y7, 224(DI)
	ADDQ $256, DI
	ADDQ $256, AX
	ADDQ $256, BX
	ADDQ $256, CX
	ADDQ $256, DX
	ADDQ $256, R8
	DECQ SI
	JNZ half
	VZEROUPPER
	RET

// func addSparseAMD64(dst *int32, ents *byte, pays *uint64, n int)
//
// A pay's row starts at byte pay>>11 of ents and holds pay>>3&255
// entries of three bytes: the class (7 bits), then the weight (int16,
// little-endian).
TEXT ·addSparseAMD64(SB), NOSPLIT, $0-32
	MOVQ dst+0(FP), DI
	MOVQ ents+8(FP), SI
	MOVQ pays+16(FP), BX
	MOVQ n+24(FP), CX
	TESTQ CX, CX
	JZ sdone

srow:
	MOVQ (BX), AX
	MOVQ AX, DX
	SHRQ $11, AX
	SHRQ $3, DX
	ANDQ $255, DX
	LEAQ (SI)(AX*1), R8
	LEAQ (DX)(DX*2), DX
	LEAQ (R8)(DX*1), R9
	CMPQ R8, R9
	JAE snext

sent:
	MOVBLZX (R8), R10
	ANDL $127, R10
	MOVWLSX 1(R8), R11
	ADDL R11, (DI)(R10*4)
	ADDQ $3, R8
	CMPQ R8, R9
	JB sent

snext:
	ADDQ $8, BX
	DECQ CX
	JNZ srow

sdone:
	RET

// func lookupAVX2(lines *byte, nb uint64, over *uint64, feats *uint64, n int, homes *uint32, scores *int32, sparse *uint64, dense *uint32, ents *byte, dn *int16) (ns, nd, nw int)
//
// See lookupGo; but a lookup that goes on to the next buckets is done
// here, and nw is 0. A bucket is 64 bytes: eight 16-bit fingerprints,
// then eight 48-bit pays. Registers: SI lines, DI scores, R8 the feature,
// R9 its home, R13 the end of feats, R10 sparse, R11 dense, R14 ns, BX
// nd; AX, CX, DX, R12 scratch.
TEXT ·lookupAVX2(SB), NOSPLIT, $0-112
	MOVQ lines+0(FP), SI
	MOVQ nb+8(FP), BX
	MOVQ feats+24(FP), R8
	MOVQ n+32(FP), R13
	MOVQ homes+40(FP), R9
	MOVQ $0, nw+104(FP)
	LEAQ (R8)(R13*8), R13

	// Every feature's home bucket (home(f, nb) * 64), prefetched.
	MOVQ R8, R12
	MOVQ R9, DX
homes:
	MOVQ (R12), AX
	MOVL AX, AX
	IMULQ BX, AX
	SHRQ $32, AX
	SHLQ $6, AX
	MOVL AX, (DX)
	PREFETCHT0 (SI)(AX*1)
	ADDQ $8, R12
	ADDQ $4, DX
	CMPQ R12, R13
	JB homes

	MOVQ scores+48(FP), DI
	MOVQ sparse+56(FP), R10
	MOVQ dense+64(FP), R11
	XORQ R14, R14
	XORQ BX, BX

search:
	MOVQ (R8), AX
	MOVL (R9), DX
	SHRQ $48, AX
	MOVQ AX, X0
	VPBROADCASTW X0, X0

probe:
	VPCMPEQW (SI)(DX*1), X0, X1
	VPMOVMSKB X1, CX
	TESTL CX, CX
	JZ miss
	// the first slot with the fingerprint (bit 2j of the mask): its pay
	// at byte 16 + 6j
	BSFL CX, CX
	LEAQ (CX)(CX*2), CX
	ADDQ DX, CX
	MOVQ 16(SI)(CX*1), AX
	SHLQ $16, AX
	SHRQ $16, AX

	// addPay: the inline weights, masked to nothing when there are
	// none, then the row listed in both lists and counted in its own.
	MOVQ AX, CX
	ANDL $3, CX
	LEAL 1(CX), DX
	SHRL $1, DX
	ANDL $1, DX
	NEGL DX
	MOVQ AX, R12
	SHRQ $9, R12
	MOVWLSX R12, R12
	ANDL DX, R12
	MOVQ AX, DX
	SHRQ $2, DX
	ANDL $127, DX
	ADDL R12, (DI)(DX*4)
	MOVL CX, DX
	SHRL $1, DX
	MOVL CX, R12
	NOTL R12
	ANDL R12, DX
	ANDL $1, DX
	NEGL DX
	MOVQ AX, R12
	SHRQ $32, R12
	MOVWLSX R12, R12
	ANDL DX, R12
	MOVQ AX, DX
	SHRQ $25, DX
	ANDL $127, DX
	ADDL R12, (DI)(DX*4)
	MOVL CX, DX
	SHRL $1, DX
	ANDL CX, DX
	ANDL $1, DX
	MOVQ AX, R12
	SHRQ $2, R12
	ANDL DX, R12
	ANDL $1, R12
	MOVQ AX, (R10)(R14*8)
	SUBQ R12, DX
	ADDQ DX, R14
	MOVQ AX, CX
	SHRQ $11, CX
	SHLL $7, CX
	MOVL CX, (R11)(BX*4)
	ADDQ R12, BX

	// The row's first line is prefetched (a dense row's others after
	// the loop): ents + start, or dense + 2*offset; for weights inline,
	// the feature's entry of homes, which is in the cache.
	MOVQ AX, CX
	SHRQ $11, CX
	MOVQ ents+72(FP), DX
	ADDQ CX, DX
	SHLQ $8, CX
	ADDQ dn+80(FP), CX
	TESTL R12, R12
	CMOVQNE CX, DX
	ANDL $3, AX
	CMPL AX, $3
	CMOVQNE R9, DX
	PREFETCHT0 (DX)

next:
	ADDQ $8, R8
	ADDQ $4, R9
	CMPQ R8, R13
	JB search

	MOVQ R14, ns+88(FP)
	MOVQ BX, nd+96(FP)

	// The dense rows' other three lines.
	MOVQ dn+80(FP), DX
	XORQ CX, CX
	TESTQ BX, BX
	JZ done
rows:
	MOVL (R11)(CX*4), AX
	LEAQ (DX)(AX*2), AX
	PREFETCHT0 64(AX)
	PREFETCHT0 128(AX)
	PREFETCHT0 192(AX)
	INCQ CX
	CMPQ CX, BX
	JB rows

done:
	VZEROUPPER
	RET

miss:
	// No slot has the fingerprint: nothing, unless the bucket is full
	// (its last slot used) and a feature of it went further, when the
	// search goes on in the next bucket (the first after the last).
	MOVBLZX 58(SI)(DX*1), CX
	ANDL $3, CX
	JZ next
	MOVQ DX, CX
	SHRQ $6, CX
	MOVQ CX, R12
	SHRQ $6, R12
	MOVQ over+16(FP), AX
	MOVQ (AX)(R12*8), AX
	SHRQ CX, AX
	ANDL $1, AX
	JZ next
	ADDQ $64, DX
	MOVQ nb+8(FP), CX
	SHLQ $6, CX
	CMPQ DX, CX
	JB probe
	XORL DX, DX
	JMP probe

// func maxFirstAVX2(p *int32, n int) (at int, max int32)
//
// The first of the n int32 at p (n >= 1) with the highest value: the
// highest, 8 at a time and then one at a time, then where it first is.
TEXT ·maxFirstAVX2(SB), NOSPLIT, $0-28
	MOVQ p+0(FP), SI
	MOVQ n+8(FP), CX
	MOVL (SI), AX
	MOVQ CX, DX
	ANDQ $-8, DX
	XORQ BX, BX
	TESTQ DX, DX
	JZ mtail
	VPBROADCASTD (SI), Y0

mvec:
	VPMAXSD (SI)(BX*4), Y0, Y0
	ADDQ $8, BX
	CMPQ BX, DX
	JB mvec
	// the highest of the eight lanes
	VEXTRACTI128 $1, Y0, X1
	VPMAXSD X1, X0, X0
	VPSHUFD $0x4e, X0, X1
	VPMAXSD X1, X0, X0
	VPSHUFD $0xb1, X0, X1
	VPMAXSD X1, X0, X0
	MOVL X0, AX

mtail:
	CMPQ BX, CX
	JAE mfind
	MOVL (SI)(BX*4), R8
	CMPL R8, AX
	CMOVLGT R8, AX
	INCQ BX
	JMP mtail

mfind:
	MOVL AX, max+24(FP)
	XORQ BX, BX
	TESTQ DX, DX
	JZ mscan
	MOVL AX, X2
	VPBROADCASTD X2, Y2

mfvec:
	VPCMPEQD (SI)(BX*4), Y2, Y3
	VMOVMSKPS Y3, R8
	TESTL R8, R8
	JNZ mfound
	ADDQ $8, BX
	CMPQ BX, DX
	JB mfvec

mscan:
	CMPL (SI)(BX*4), AX
	JEQ mdone
	INCQ BX
	CMPQ BX, CX
	JB mscan

mdone:
	MOVQ BX, at+16(FP)
	VZEROUPPER
	RET

mfound:
	BSFL R8, R8
	ADDQ R8, BX
	MOVQ BX, at+16(FP)
	VZEROUPPER
	RET
