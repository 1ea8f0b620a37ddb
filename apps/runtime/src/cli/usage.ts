/** The CLI's help text (`pnpm kiln help`). */
export const USAGE = `Kiln CLI — pnpm kiln <command>

Commands:
  migrate                                   Migrate the database (and create the first admin if none).
  template list                             List starter templates.
  template install <id> [--app <key>] [--demo-data] [--scale <orders>]
                                            Install a template as a new app and publish it.
                                            --scale 10000|250k|1m|10m adds realistic data for that
                                            many orders (generated in SQL; implies --demo-data; the
                                            24 months up to the end of today, or KILN_SCALE_ANCHOR).
  app export <app> [--out <dir>]            Export an app's metadata as YAML files (default ./export/<app>).
  app import <dir>                          Import an exported app (creates and publishes it).
  user create --email <e> --password <p> --role <admin|builder|operator|promoter>
              [--name <display name>] [--groups sales_lead,finance] [--manager <manager's email>]
                                            Create a user.
  tenant create <key> --email <e> --password <p> [--name <name>]
                                            Create a workspace (its apps, users and records are
                                            invisible to other workspaces) with its first admin.
  fakes [--kiln <url>] [--app <key>]        Start the local fakes of Kingdee, Yonyou, WeCom, Douyin Shop,
                                            WeChat Channels and a REST ERP on 127.0.0.1:4101–4106
                                            (what the livestream template's connectors call); their
                                            pushes go to <url> (default http://127.0.0.1:$PORT|3000),
                                            app <key> (default livestream). Ctrl-C stops them.
  help                                      Show this help.

Database: DATABASE_URL=postgres://… uses PostgreSQL; otherwise the embedded PGlite database
in KILN_DATA_DIR (default ./.kiln/data, relative to apps/runtime, like \`pnpm start\`).
PGlite allows one process at a time: stop \`pnpm start\` first, or use the HTTP API.
Relative --out / import paths are relative to the directory you ran the command from.
`;
