" syntax.vim — checks editors/vim on sample.jx: the filetype is detected and
" each needle below (searched for in order, from the top) starts in the
" highlight group given.  Run by editors/scripts/test-editors.sh as
"   vim -Nu NONE -i NONE -Es -S syntax.vim   (or nvim --headless)
" with JX_VIM_OUT naming the file the failures are written to.
let s:cases = [
      \ ['两种关键字', 'jixiaoComment'],
      \ ['plan', 'jixiaoKeyword'], ['2021', 'jixiaoNumber'],
      \ ['framework', 'jixiaoKeyword'], ['local', ''],
      \ ['currency', 'jixiaoKeyword'], ['万元', ''], [';', 'jixiaoDelimiter'],
      \ ['单位', 'jixiaoKeyword'], ['324001', 'jixiaoNumber'],
      \ ['"秦皇岛', 'jixiaoString'], ['｛', 'jixiaoDelimiter'],
      \ ['项目', 'jixiaoKeyword'], ['预算数', 'jixiaoKeyword'], ['89.10', 'jixiaoNumber'],
      \ ['项目编码', 'jixiaoKeyword'], ['；', 'jixiaoDelimiter'],
      \ ['funds', 'jixiaoKeyword'], ['fiscal', 'jixiaoKeyword'], ['other', 'jixiaoKeyword'],
      \ ['schedule', 'jixiaoKeyword'], ['mar', 'jixiaoConstant'], ['25', 'jixiaoNumber'],
      \ ['%', 'jixiaoUnit'], ['10', 'jixiaoNumber'], ['月底', 'jixiaoUnit'], ['％', 'jixiaoUnit'],
      \ ['goal', 'jixiaoKeyword'], ['“劳务', 'jixiaoString'], ['\n', 'jixiaoEscape'],
      \ ['\u{3002}', 'jixiaoEscape'],
      \ ['output', 'jixiaoCategory'], ['quantity', 'jixiaoCategory'], ['=', 'jixiaoOperator'],
      \ ['22', 'jixiaoNumber'], ['人', 'jixiaoUnit'], ['desc', 'jixiaoKeyword'],
      \ ['basis', 'jixiaoKeyword'],
      \ ['产出指标．时效指标', 'jixiaoCategory'], ['≤', 'jixiaoOperator'],
      \ ['2021年12月31日', 'jixiaoDate'], ['// 时效', 'jixiaoComment'],
      \ ['满意度.服务对象满意度', 'jixiaoCategory'], ['不低于', 'jixiaoOperator'],
      \ ['90', 'jixiaoNumber'], ['依据', 'jixiaoKeyword'],
      \ ['n/a', 'jixiaoConstant'], ['项目名称', 'jixiaoString'],
      \ ['大于或等于', 'jixiaoOperator'], ['20', 'jixiaoNumber'], ['年', 'jixiaoUnit'],
      \ ['}', 'jixiaoDelimiter'], ['｝', 'jixiaoDelimiter'],
      \ ]

let s:fail = []
if &filetype !=# 'jixiao'
  call add(s:fail, 'filetype is "' . &filetype . '", not "jixiao"')
endif
call cursor(1, 1)
for [s:needle, s:want] in s:cases
  if search('\V' . escape(s:needle, '\'), 'W') == 0
    call add(s:fail, 'not found: ' . s:needle)
    continue
  endif
  let s:got = synIDattr(synID(line('.'), col('.'), 1), 'name')
  if s:got !=# s:want
    call add(s:fail, printf('line %d col %d %s: %s, expected %s', line('.'), col('.'),
          \ s:needle, s:got ==# '' ? '(none)' : s:got, s:want ==# '' ? '(none)' : s:want))
  endif
endfor
call writefile(s:fail + [printf('%d checks, %d failed', len(s:cases) + 1, len(s:fail))], $JX_VIM_OUT)
if len(s:fail)
  cquit
endif
qall!
