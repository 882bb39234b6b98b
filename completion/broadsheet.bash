# bash completion for broadsheet(1). Subcommands and options are read from the
# binary's own --help, so they never fall out of step with it; style names are
# the NAME.yaml files of the style folders broadsheet searches.

_broadsheet_help_options() {  # the options one --help lists: -o and --out from "  -o,--out TEXT"
  "$@" --help 2>/dev/null | sed -n 's/^  \(-[^ ]*\).*/\1/p' | tr ',' '\n'
}

_broadsheet_styles() {
  local bin dir
  bin=$(command -v "$1" 2>/dev/null) || bin=$1
  for dir in ${BROADSHEET_STYLES//:/ } "${XDG_DATA_HOME:-$HOME/.local/share}/broadsheet/styles" \
             "$(dirname "$bin")/../share/broadsheet/styles" /usr/local/share/broadsheet/styles \
             /usr/share/broadsheet/styles; do
    compgen -G "$dir/*.yaml" 2>/dev/null
  done | sed 's|.*/||; s|\.yaml$||' | sort -u
}

_broadsheet() {
  local cur=${COMP_WORDS[COMP_CWORD]} prev=${COMP_WORDS[COMP_CWORD-1]}
  local bin=${COMP_WORDS[0]} sub="" i
  for ((i = 1; i < COMP_CWORD; i++)); do
    case ${COMP_WORDS[i]} in -*) ;; *) sub=${COMP_WORDS[i]}; break ;; esac
  done
  COMPREPLY=()
  if [ -z "$sub" ]; then
    local subs
    subs=$("$bin" --help 2>/dev/null | sed -n '/^Subcommands:/,/^$/s/^  \([a-z][a-z-]*\) .*/\1/p')
    COMPREPLY=($(compgen -W "$subs $(_broadsheet_help_options "$bin")" -- "$cur"))
    return
  fi
  case $prev in
    -s | --style)
      COMPREPLY=($(compgen -W "$(_broadsheet_styles "$bin")" -- "$cur") $(compgen -f -X '!*.yaml' -- "$cur"))
      return ;;
    -o | --out | --allow-images-from)
      COMPREPLY=($(compgen -d -- "$cur")); return ;;
    --format) COMPREPLY=($(compgen -W "both pdf epub" -- "$cur")); return ;;
    --dump) COMPREPLY=($(compgen -W "document layout" -- "$cur")); return ;;
    --date | --from | --to | --timestamp | -j | --jobs) return ;;
  esac
  if [[ $cur == -* ]]; then
    COMPREPLY=($(compgen -W "$(_broadsheet_help_options "$bin" "$sub")" -- "$cur"))
  else
    COMPREPLY=($(compgen -f -X '!*.y*ml' -- "$cur") $(compgen -d -- "$cur"))
  fi
}
complete -F _broadsheet broadsheet
