" ftplugin/jixiao.vim — editing settings for jixiao (.jx) files.
if exists('b:did_ftplugin')
  finish
endif
let b:did_ftplugin = 1

" Both comment leaders work; # is the one jxc fmt and the examples use.
setlocal comments=:#,:// commentstring=#\ %s
" Chinese paragraphs are long: wrap at any character, never break a word.
setlocal formatoptions-=t formatoptions+=croqmB
setlocal expandtab shiftwidth=2 softtabstop=2
" jxc reports file:line:col: error: message [code].
setlocal errorformat=%f:%l:%c:\ %trror:\ %m,%f:%l:%c:\ %tarning:\ %m,%-G%.%#
let &l:makeprg = 'jxc check %'

let b:undo_ftplugin = 'setlocal comments< commentstring< formatoptions< expandtab< shiftwidth< softtabstop< errorformat< makeprg<'
