"""Certificate PDFs: context, rendering through kok_learn.pdf, atomic storage. Filled in below."""
