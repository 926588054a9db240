package cli

import (
	"errors"
	"fmt"
	"net"
	"os"
	"os/signal"
	"syscall"

	"github.com/spf13/cobra"

	"github.com/dossier-project/dossier/internal/ingest"
	"github.com/dossier-project/dossier/internal/pipeline"
	"github.com/dossier-project/dossier/internal/server"
	"github.com/dossier-project/dossier/internal/store"
)

// DefaultListen is the address dossier serve listens on by default: this
// machine only.
const DefaultListen = "127.0.0.1:8080"

func (a *app) serveCmd() *cobra.Command {
	var (
		listen    string
		readOnly  bool
		maxUpload float64
		maxSize   float64
	)
	cmd := &cobra.Command{
		Use:   "serve",
		Short: "Serve the workspace: read the dossier in a web browser",
		Long: `serve starts the workspace, a web application for reading the dossier:
findings, the documents with what was found in them highlighted, quotes
beside the record, the timeline, people, search, and adding documents.

It listens on ` + DefaultListen + ` (this machine only) unless --listen says
otherwise. Adding documents needs a token: the value of DOSSIER_TOKEN, or
one made up at start and printed. --read-only serves the dossier without
any way to change it, for sharing it with a team.`,
		Args: cobra.NoArgs,
		RunE: func(cmd *cobra.Command, args []string) error {
			ctx, stop := signal.NotifyContext(cmd.Context(), os.Interrupt, syscall.SIGTERM)
			defer stop()
			// The passes after uploads are the server's heaviest work,
			// and the limit is the process's: it holds for the whole run
			// (its page caches are bounded well below it).
			defer limitPassMemory()()
			st, err := store.Open(ctx, a.db, store.WithHighlight(server.MarkStart, server.MarkEnd))
			if err != nil {
				return fmt.Errorf("open store %s: %w", a.db, err)
			}
			defer st.Close()
			var p *pipeline.Pipeline
			token := os.Getenv("DOSSIER_TOKEN")
			if !readOnly {
				if p, err = a.pipeline(); err != nil {
					return err
				}
				// The pages read stored results: bring them up to date
				// first.
				if _, err := a.refresh(ctx, st, p, false); err != nil {
					return err
				}
				if token == "" {
					if token, err = server.NewToken(); err != nil {
						return err
					}
					fmt.Fprintf(a.stderr, "token for adding documents: %s\n", token)
				} else if len(token) < 8 {
					return errors.New("DOSSIER_TOKEN is too short: give at least 8 characters")
				}
			}
			srv, err := server.New(server.Options{
				Store: st, Pipeline: p, ReadOnly: readOnly, Token: token,
				MaxUpload: int64(maxUpload * 1e6), Ingest: ingest.Options{MaxSize: int64(maxSize * 1e6)}, Log: a.log,
			})
			if err != nil {
				return err
			}
			l, err := net.Listen("tcp", listen)
			if err != nil {
				return fmt.Errorf("listen on %s: %w", listen, err)
			}
			if !server.IsLoopback(listen) {
				fmt.Fprintf(a.stderr, "warning: listening on %s, not only on this machine: anyone who can reach it can read the dossier\n", listen)
			}
			mode := ""
			if readOnly {
				mode = " (read-only)"
			}
			fmt.Fprintf(a.stderr, "serving %s%s on http://%s/ (Ctrl-C to stop)\n", a.db, mode, l.Addr())
			return srv.Serve(ctx, l)
		},
	}
	cmd.Flags().StringVar(&listen, "listen", DefaultListen, "address to listen on (host:port)")
	cmd.Flags().BoolVar(&readOnly, "read-only", false, "serve without any way to change the dossier")
	cmd.Flags().Float64Var(&maxUpload, "max-upload", 20, "largest upload, in MB")
	cmd.Flags().Float64Var(&maxSize, "max-size", 20, "largest file of an upload to read, in MB")
	a.stages.register(cmd)
	return cmd
}
