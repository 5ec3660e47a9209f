"""Build the documentation site into _docs/ with Sphinx + myst-nb (both from PyPI; `nbdev_docs` keeps
working where Quarto is installed, and writes to the same _docs/).

Pages: README.md as the landing page (it is nbs/index.ipynb with the study's tables included), every
notebook in nbs/ and nbs/experiments/ rendered with its stored outputs (never executed: the figures are
the ones the notebooks hold), and an API reference of every `sstkd` module from its docstrings.
The sources are staged in _proc/sphinx/ first (and built in _proc/sphinx-build/): nbdev directives (`#| export` ...) are stripped and
`#| hide` cells dropped, as nbdev's own renderer does.

Usage: python scripts/docs.py [OUTPUT_DIR]     (default _docs)"""
import re, shutil, subprocess, sys, time
from pathlib import Path
import nbformat

root = Path(__file__).resolve().parent.parent
stage = root/'_proc'/'sphinx'

def _clean(nb):
    "Drop `#| hide` and `#| default_exp` cells and the `#|` directive lines of code cells."
    cells = []
    for c in nb.cells:
        if c.cell_type == 'code':
            lines = c.source.splitlines()
            if any(re.match(r'#\|\s*(hide|default_exp)\b', l) for l in lines[:3]): continue
            c.source = '\n'.join(l for l in lines if not l.startswith('#|')).strip('\n')
        cells.append(c)
    nb.cells = cells
    return nb

def _modules() -> list:
    return sorted(p.stem for p in (root/'sstkd').glob('*.py') if not p.stem.startswith('_'))

def stage_sources() -> None:
    "Write the Sphinx source tree to _proc/sphinx."
    shutil.rmtree(stage, ignore_errors=True)
    (stage/'api').mkdir(parents=True)
    nbs = [p for p in sorted((root/'nbs').glob('*.ipynb')) if p.name != 'index.ipynb']
    exps = sorted((root/'nbs'/'experiments').glob('*.ipynb'))
    for p in nbs + exps:
        out = stage/p.relative_to(root/'nbs')
        out.parent.mkdir(parents=True, exist_ok=True)
        nbformat.write(_clean(nbformat.read(p, as_version=4)), out)
    readme = (root/'README.md').read_text()
    extra = []                                   # local files the README links to (tables, figures)
    for target in sorted(set(re.findall(r'\]\(([^)#:\s]+)\)', readme))):
        f = root/target
        if f.is_file():
            (stage/target).parent.mkdir(parents=True, exist_ok=True)
            shutil.copy2(f, stage/target)
            if f.suffix == '.md': extra.append(target[:-3])
    for m in _modules():
        (stage/'api'/f'{m}.md').write_text(f'# sstkd.{m}\n\n```{{eval-rst}}\n.. automodule:: sstkd.{m}\n```\n')
    (stage/'api'/'index.md').write_text('# API reference\n\nEvery module of the library, from its docstrings.\n\n'
                                       '```{toctree}\n:maxdepth: 1\n\n' + '\n'.join(_modules()) + '\n```\n')
    def toc(caption, entries, hidden=False):
        return (f'\n\n```{{toctree}}\n:caption: {caption}\n:maxdepth: 1\n' + (':hidden:\n' if hidden else '') + '\n'
                + '\n'.join(entries) + '\n```\n')
    design = [p.stem for p in nbs if not p.stem[:2].isdigit()]
    index = readme + toc('Notebooks', [p.stem for p in nbs if p.stem[:2].isdigit()])
    index += toc('Notes', design) + toc('Experiments', [f'experiments/{p.stem}' for p in exps])
    index += toc('API reference', ['api/index']) + (toc('Linked', extra, hidden=True) if extra else '')
    (stage/'index.md').write_text(index)
    shutil.copy2(root/'scripts'/'sphinx_conf.py', stage/'conf.py')

def build(out: Path) -> float:
    "Stage and run sphinx-build; returns the seconds it took."
    t0 = time.time()
    stage_sources()
    work = root/'_proc'/'sphinx-build'         # myst-nb writes beside the output folder: keep that in _proc
    shutil.rmtree(work, ignore_errors=True)
    subprocess.run([sys.executable, '-m', 'sphinx', '-b', 'html', '-q', '-E', '-d', str(work/'doctrees'),
                    str(stage), str(work/'html')], check=True)
    shutil.rmtree(out, ignore_errors=True)
    shutil.move(work/'html', out)
    return time.time() - t0

if __name__ == '__main__':
    out = Path(sys.argv[1]) if len(sys.argv) > 1 else root/'_docs'
    s = build(out.resolve())
    print(f'docs: {out}/index.html built in {s:.0f} s')
