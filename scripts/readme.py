"""Regenerate README.md from nbs/index.ipynb, the landing page (markdown cells verbatim,
code cells as fenced Python), so the two never drift apart. A line `<!-- include: PATH -->` in a
markdown cell is replaced by the file at PATH (the study's regenerated tables), or by a note that
the file has not been produced yet."""
import re
from pathlib import Path
import nbformat

root = Path(__file__).resolve().parent.parent
nb = nbformat.read(root/'nbs'/'index.ipynb', as_version=4)
parts = []
for cell in nb.cells:
    src = cell.source.strip()
    if not src or src.startswith('#| hide'): continue
    parts.append(src if cell.cell_type == 'markdown' else f'```python\n{src}\n```')

def include(m):
    f = root/m.group(1)
    return f.read_text().strip() if f.is_file() else f'*({m.group(1)} not produced yet: run `make study`)*'
parts = [re.sub(r'^<!-- include: (\S+) -->$', include, p, flags=re.M) for p in parts]
text = '<!-- generated from nbs/index.ipynb by scripts/readme.py: edit the notebook, not this file -->\n\n'
text += '\n\n'.join(parts) + '\n'
readme = root/'README.md'
if not readme.exists() or readme.read_text() != text: readme.write_text(text)
