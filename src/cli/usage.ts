/** The usage line, printed with every usage error and by `--help`. */

export const USAGE = [
  'usage: vgs-aliases scan [PATH…] [--staged | --diff REF | --history] [--format text|json|sarif] [--output FILE]',
  '                        [--baseline FILE] [--write-baseline FILE] [--summary FILE]',
  '       vgs-aliases fix [PATH…] [--apply]',
  '       vgs-aliases --help | --version',
].join('\n');

export const HELP = `${USAGE}

scan     finds card numbers, SSNs, IBANs and the repository's custom patterns (.vscode/settings.json
         vgs.detection.*) in text files, as the VGS Aliases editor extension does; values are shown masked.
  PATH…             files or folders to scan (default: the current folder); .gitignore is honoured
  --staged          what git commit would record: the index, not the working tree
  --diff REF        only lines added since REF (a pull request's base)
  --history         every blob reachable from HEAD, each once, with the commit that first held it
  --format F        text (default), json or sarif (SARIF 2.1.0 for code scanning)
  --output FILE     write the report to FILE instead of standard output
  --baseline FILE   accept the findings FILE lists (the format of .vgs-aliases-ignore)
  --write-baseline FILE  write the findings into FILE in that format, keeping its entries
  --summary FILE    append a Markdown summary (counts per kind, masked findings) to FILE ($GITHUB_STEP_SUMMARY)

fix      tokenizes what scan finds in the working tree: each value replaced by an alias from the vault
         VGS_CLIENT_ID, VGS_CLIENT_SECRET, VGS_VAULT_ID and VGS_ENVIRONMENT name (VGS_AUTH_URL and
         VGS_VAULT_URL override the endpoints), in its kind's vgs.detection.formats format.
  --apply           send the values and rewrite the files; without it the plan is printed and nothing changes
  The aliases that look like values are added to .vgs-aliases-ignore, so scan does not report them.
  Exit status: 0 all tokenized (or nothing to), 1 something left as it is, 2 usage error, 3 could not finish.

Findings accepted in .vgs-aliases-ignore at the repository's root, or by a vgs-ignore comment on their
line or the line above, are not reported.
Exit status: 0 no finding, 1 findings, 2 usage error, 3 the scan could not finish.`;
