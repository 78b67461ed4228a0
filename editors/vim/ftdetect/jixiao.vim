" ftdetect/jixiao.vim — jixiao budget performance targets (.jx files).
autocmd BufNewFile,BufRead *.jx setfiletype jixiao
