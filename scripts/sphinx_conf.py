"""Sphinx configuration of the documentation site; scripts/docs.py copies it to _proc/sphinx/conf.py."""
import re, sys
from pathlib import Path
sys.path.insert(0, str(Path(__file__).resolve().parents[2]))   # the checkout: `import sstkd` for autodoc

project = 'sstkd'
author = 'sstkd developers'
extensions = ['myst_nb', 'sphinx.ext.autodoc']
nb_execution_mode = 'off'                    # render the stored outputs, never execute
myst_enable_extensions = ['dollarmath']
myst_heading_anchors = 3
autodoc_member_order = 'bysource'
autodoc_inherit_docstrings = False          # not nn.Module's boilerplate for forward() and the like
autodoc_default_options = {'members': True, 'show-inheritance': True}
html_theme = 'alabaster'
html_theme_options = {'page_width': '1200px', 'sidebar_width': '260px'}
html_title = 'sstkd'
suppress_warnings = ['myst.header', 'misc.highlighting_failure']

def _rst_line(line: str) -> str:
    "One Markdown docstring line as RST: `code` -> ``code`` (between escaped spaces, so any neighbour is fine); other markup characters escaped."
    parts = re.split(r'(`[^`]+`)', line)
    return ''.join(r'\ ``' + p[1:-1] + r'``\ ' if p.startswith('`') else re.sub(r'([*|_\\])', r'\\\1', p) for p in parts)

def _markdown_docstring(app, what, name, obj, options, lines):
    "nbdev docstrings are Markdown, autodoc reads RST."
    lines[:] = [_rst_line(l) for l in lines]

def setup(app):
    app.connect('autodoc-process-docstring', _markdown_docstring)
