"""Open every page of the built documentation site (_docs/, from scripts/docs.py) in headless Chromium and
check: every image on it has loaded; every notebook page shows at least as many images as its notebook
stores figures; every link inside the site reaches an existing page (and, with a #fragment, an existing
anchor); every API page documents its module's functions and classes. Needs Debian's `chromium` and
`chromium-driver` and the `selenium` package.

Usage: python scripts/test_docs.py [SITE_DIR]     (default _docs); exit status 1 on any failure."""
import os, re, sys, tempfile, time
from html.parser import HTMLParser
from pathlib import Path
from urllib.parse import unquote, urldefrag, urlparse
import nbformat

root = Path(__file__).resolve().parent.parent
CHROMIUM_FLAGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking',
                  '--disable-component-update', '--disable-sync', '--no-first-run']

class _Ids(HTMLParser):
    "Collect the id and name attributes of an HTML file (the anchors a #fragment may point to)."
    def __init__(self):
        super().__init__(); self.ids = set()
    def handle_starttag(self, tag, attrs):
        self.ids.update(v for k, v in attrs if k in ('id', 'name') and v)

def anchors(path: Path, cache={}) -> set:
    if path not in cache:
        p = _Ids(); p.feed(path.read_text(errors='replace')); cache[path] = p.ids
    return cache[path]

def stored_figures(nb_path: Path) -> int:
    "Image outputs the notebook stores (what its page must show)."
    nb = nbformat.read(nb_path, as_version=4)
    return sum(1 for c in nb.cells if c.cell_type == 'code' for o in c.get('outputs', [])
               if any(k.startswith('image/') for k in o.get('data', {})))

def browser(profile_dir: str):
    from selenium import webdriver
    os.environ.setdefault('SE_OFFLINE', 'true')          # never let Selenium Manager download anything
    opts = webdriver.ChromeOptions()
    opts.binary_location = '/usr/bin/chromium'
    for a in CHROMIUM_FLAGS + [f'--user-data-dir={profile_dir}']: opts.add_argument(a)
    d = webdriver.Chrome(options=opts, service=webdriver.ChromeService(executable_path='/usr/bin/chromedriver'))
    d.set_page_load_timeout(60)
    return d

PAGE_JS = '''return {
  images: Array.from(document.images).map(i => ({src: i.src, ok: i.complete && i.naturalWidth > 0})),
  links: Array.from(document.querySelectorAll('a[href]')).map(a => a.href),
  api: Array.from(document.querySelectorAll('dl.py > dt[id]')).map(d => d.id),
  title: document.title};'''

def check(site: Path) -> int:
    site = site.resolve()
    pages = sorted(p for p in site.rglob('*.html') if not p.relative_to(site).parts[0].startswith('_'))
    if not (site/'index.html').is_file(): sys.exit(f'{site}/index.html: no site built here (run `make docs` first)')
    failures, n_img, n_links = [], 0, 0
    t0 = time.time()
    with tempfile.TemporaryDirectory() as prof:
        d = browser(prof)
        try:
            for page in pages:
                rel = page.relative_to(site).as_posix()
                d.get(page.as_uri())
                info = d.execute_script(PAGE_JS)
                bad = [i['src'] for i in info['images'] if not i['ok']]
                failures += [f'{rel}: image did not load: {s}' for s in bad]
                n_img += len(info['images'])
                for href in info['links']:
                    url, frag = urldefrag(href)
                    if urlparse(url).scheme != 'file': continue
                    target = Path(unquote(urlparse(url).path))
                    if not target.is_relative_to(site): failures.append(f'{rel}: link leaves the site: {href}'); continue
                    n_links += 1
                    if target.is_dir(): target = target/'index.html'
                    if not target.is_file(): failures.append(f'{rel}: broken link {href}')
                    elif frag and target.suffix == '.html' and unquote(frag) not in anchors(target):
                        failures.append(f'{rel}: link to a missing anchor {href}')
                nb = next((p for p in [root/'nbs'/page.relative_to(site).with_suffix('.ipynb')] if p.is_file()), None)
                if nb is not None:
                    want = stored_figures(nb)
                    if len(info['images']) < want:
                        failures.append(f'{rel}: {len(info["images"])} images, but {nb.relative_to(root)} stores {want} figures')
                if rel.startswith('api/') and rel != 'api/index.html':
                    mod = 'sstkd.' + page.stem
                    if not any(i.startswith(mod + '.') for i in info['api']):
                        failures.append(f'{rel}: no documented function or class of {mod}')
        finally: d.quit()
    api_pages = [p for p in pages if p.parent.name == 'api' and p.stem != 'index']
    modules = sorted(p.stem for p in (root/'sstkd').glob('*.py') if not p.stem.startswith('_'))
    missing = sorted(set(modules) - {p.stem for p in api_pages})
    failures += [f'api/{m}.html: missing (module sstkd.{m} has no API page)' for m in missing]
    for f in failures: print('FAIL', f)
    print(f'docs test: {len(pages)} pages ({len(api_pages)} API pages), {n_img} images, {n_links} internal links '
          f'checked in {time.time() - t0:.0f} s')
    checks = len(pages) + len(missing)
    bad_pages = len({f.split(':')[0] for f in failures})
    print(f'{checks - bad_pages} passed, {bad_pages} failed')
    return 1 if failures else 0

if __name__ == '__main__':
    sys.exit(check(Path(sys.argv[1]) if len(sys.argv) > 1 else root/'_docs'))
