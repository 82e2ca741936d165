package dev.tend.cli;

/**
 * The bash and zsh completion scripts {@code tend completion bash|zsh} prints. Both hand the words
 * typed so far to {@code tend completion words INDEX WORD...}, which answers with the same rules
 * and the same live process names as the shell's Tab (one candidate per line, or {@value #FILES}
 * when a file name is wanted); nothing about verbs is repeated here.
 */
public final class CompletionScripts {
  /** The answer that asks the script for file name completion. */
  public static final String FILES = "__files__";

  private CompletionScripts() {}

  public static String bash() {
    return """
        # bash completion for tend; load with: source <(tend completion bash)
        _tend_complete() {
          local line=${COMP_LINE:0:COMP_POINT}
          local -a words found
          read -r -a words <<<"$line"
          if [[ -z $line || $line == *[[:space:]] ]]; then words+=(""); fi
          local cword=$(( ${#words[@]} - 1 ))
          local cur=${words[cword]}
          local IFS=$'\\n'
          found=($("${words[0]}" completion words "$cword" "${words[@]}" 2>/dev/null))
          if [[ ${found[0]-} == __files__ ]]; then
            COMPREPLY=($(compgen -f -- "$cur"))
            return 0
          fi
          # bash breaks words at ':' (COMP_WORDBREAKS): it wants only what follows the last one
          local before_colon=""
          if [[ $cur == *:* && $COMP_WORDBREAKS == *:* ]]; then
            before_colon=${cur%"${cur##*:}"}
          fi
          COMPREPLY=()
          local c
          for c in "${found[@]}"; do
            [[ $c == "$cur"* ]] && COMPREPLY+=("${c#"$before_colon"}")
          done
          return 0
        }
        complete -F _tend_complete tend
        """;
  }

  public static String zsh() {
    return """
        #compdef tend
        # zsh completion for tend; load with: source <(tend completion zsh)
        # (after compinit), or save as _tend in a directory of $fpath
        _tend() {
          local -a found
          found=("${(@f)$("${words[1]}" completion words $(( CURRENT - 1 )) \\
              "${(@)words[1,CURRENT]}" 2>/dev/null)}")
          if [[ ${found[1]} == __files__ ]]; then
            _files
            return
          fi
          found=(${found:#})
          (( ${#found} )) && compadd -Q -- "${found[@]}"
        }
        if [[ ${funcstack[1]} == _tend ]]; then
          _tend "$@"
        else
          compdef _tend tend
        fi
        """;
  }
}
