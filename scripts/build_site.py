"""Render every notebook to HTML for a static site that works offline (`make html`).

    python scripts/build_site.py [--out build/site] [notebooks ...]

1. Takes require.js, MathJax 2 and the Jupyter widgets renderer from the npm registry
   (pinned and integrity-checked in site/vendor.json) into <out>/vendor/, once.
2. Takes each committed notebook as it is (nbval confirms its outputs) and puts back the
   widgets that the same execution showed, from site/widgets/ (see saved_widgets.py):
   nothing is executed again.
3. Exports it with nbconvert's lab template, pointing every script at the local copies,
   and turns links between notebooks into links between pages.
4. Writes index.html, the notebooks in order.
"""

import argparse
import base64
import hashlib
import html
import json
import re
import shutil
import subprocess
import sys
import tarfile
import tempfile
import time
from fnmatch import fnmatch
from pathlib import Path

import nbformat
import saved_widgets
from nbconvert import HTMLExporter

ROOT = Path(__file__).resolve().parent.parent
NOTEBOOKS = sorted((ROOT / "notebooks").glob("[0-9][0-9]_*.ipynb"))
VENDOR_SPEC = ROOT / "site" / "vendor.json"
MATHJAX = "vendor/mathjax/MathJax.js?config=TeX-AMS_CHTML-full,Safe"
REQUIRE = "vendor/requirejs/require.js"
WIDGETS = "vendor/html-manager/dist/embed-amd.js"


def unpacked(out, package):
    """True when out/vendor holds this package as pinned, with the files it keeps."""
    marker = out / "vendor" / package["folder"] / ".integrity"
    return marker.exists() and marker.read_text() == marker_text(package)


def marker_text(package):
    # The hash and what was kept: a new keep or drop list unpacks the package again.
    return package["integrity"] + " " + json.dumps([package["keep"], package["drop"]])


def wanted(name, package):
    """True for a file of the package that the pages load: it matches a keep pattern and
    no drop pattern (fnmatch patterns on its path inside the package)."""
    keep = any(fnmatch(name, pattern) for pattern in package["keep"])
    return keep and not any(fnmatch(name, pattern) for pattern in package["drop"])


def vendor(out):
    """Unpack the pinned npm packages into out/vendor/<folder>, checking their hashes."""
    packages = json.loads(VENDOR_SPEC.read_text())["packages"]
    missing = [package for package in packages if not unpacked(out, package)]
    if missing and shutil.which("npm") is None:
        raise SystemExit(
            "make html: needs npm (Node.js) to fetch the pinned page scripts "
            f"({', '.join(p['name'] for p in missing)}); install it, e.g. `apt-get install npm`"
        )
    for package in packages:
        target = out / "vendor" / package["folder"]
        if unpacked(out, package):
            continue
        shutil.rmtree(target, ignore_errors=True)
        with tempfile.TemporaryDirectory() as scratch:
            spec = f"{package['name']}@{package['version']}"
            subprocess.run(
                ["npm", "pack", spec, "--pack-destination", scratch, "--silent"],
                check=True, stdout=subprocess.DEVNULL,
            )  # fmt: skip
            tarball = next(Path(scratch).glob("*.tgz"))
            digest = base64.b64encode(hashlib.sha512(tarball.read_bytes()).digest()).decode()
            if f"sha512-{digest}" != package["integrity"]:
                raise SystemExit(f"build_site: {spec} does not match its pinned integrity hash")
            target.mkdir(parents=True, exist_ok=True)
            with tarfile.open(tarball) as archive:
                for member in archive.getmembers():
                    if not member.isfile() or ".." in Path(member.name).parts:
                        continue
                    relative = Path(*Path(member.name).parts[1:])  # drop "package/"
                    if not wanted(relative.as_posix(), package):
                        continue  # the pages never load it
                    destination = target / relative
                    destination.parent.mkdir(parents=True, exist_ok=True)
                    destination.write_bytes(archive.extractfile(member).read())
        (target / ".integrity").write_text(marker_text(package))


def title_of(nb):
    for cell in nb.cells:
        if cell.cell_type == "markdown" and cell.source.startswith("# "):
            return cell.source.splitlines()[0][2:].strip()
    return "untitled"


SHARED_STYLE_BYTES = 10_000  # a <style> block this large goes to a file all pages share


def shared_styles(body, out):
    """Move the template's large <style> blocks (the same on every page, about 250 KB) to
    files named by their hash, which the browser then loads once for the whole site."""

    def to_file(match):
        css = match.group(1)
        if len(css) < SHARED_STYLE_BYTES:
            return match.group(0)
        name = f"style-{hashlib.sha256(css.encode()).hexdigest()[:12]}.css"
        (out / name).write_text(css, encoding="utf-8")
        return f'<link rel="stylesheet" href="{name}">'

    return re.sub(r"<style[^>]*>(.*?)</style>", to_file, body, flags=re.S)


def render(path, out):
    start = time.perf_counter()
    nb = nbformat.read(path, as_version=4)
    try:
        saved_widgets.merge(nb, saved_widgets.read(path), path.name)
    except saved_widgets.StaleRecord as error:
        raise SystemExit(f"make html: {error}; run `make execute` to write both again") from None
    exporter = HTMLExporter(template_name="lab")
    exporter.mathjax_url = MATHJAX
    exporter.require_js_url = REQUIRE
    exporter.widget_renderer_url = WIDGETS
    body, _ = exporter.from_notebook_node(nb, resources={"metadata": {"name": title_of(nb)}})
    # Links between notebooks (and to the references) become links between pages.
    body = re.sub(r'href="(\d\d_[a-z0-9_]+|references)\.(?:ipynb|md)', r'href="\1.html', body)
    body = shared_styles(body, out)
    (out / f"{path.stem}.html").write_text(body, encoding="utf-8")
    return title_of(nb), time.perf_counter() - start


INDEX = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>RNN and LSTM cells, step by step</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 46rem; margin: 3rem auto;
       padding: 0 1rem; line-height: 1.5; color: #222; }}
h1 {{ font-size: 1.8rem; }} li {{ margin: 0.4rem 0; }} a {{ color: #0072B2; }}
.note {{ color: #555; font-size: 0.95rem; }}
</style></head><body>
<h1>RNN and LSTM cells, step by step</h1>
<p>An executable notebook course in numpy: from one RNN step to a trained LSTM whose gates
you can watch. These pages are the notebooks as executed; to run and change them, open the
notebooks in JupyterLab (see the project's README).</p>
<ol>
{items}
</ol>
<p class="note">The sliders in these pages show the states saved when the page was built;
moving them needs a running kernel. <a href="references.html">References</a>: what every
work the notebooks cite tested.</p>
</body></html>
"""

PAGE = """<!DOCTYPE html>
<html lang="en"><head><meta charset="utf-8">
<meta name="viewport" content="width=device-width, initial-scale=1">
<title>{title} - RNN and LSTM cells, step by step</title>
<style>
body {{ font-family: system-ui, sans-serif; max-width: 46rem; margin: 3rem auto;
       padding: 0 1rem; line-height: 1.5; color: #222; }}
a {{ color: #0072B2; }} code {{ background: #f3f3f3; padding: 0 0.2rem; }}
</style></head><body>
<p><a href="index.html">RNN and LSTM cells, step by step</a></p>
{body}
</body></html>
"""


def render_markdown_page(path, out):
    """A markdown file the notebooks link to (the references) as a page of the site."""
    import mistune

    text = path.read_text(encoding="utf-8")
    title = text.splitlines()[0].lstrip("# ").strip()
    body = mistune.html(text)
    (out / f"{path.stem}.html").write_text(PAGE.format(title=html.escape(title), body=body),
                                            encoding="utf-8")  # fmt: skip


def main(argv=None):
    parser = argparse.ArgumentParser(description=__doc__.splitlines()[0])
    parser.add_argument("--out", default=str(ROOT / "build" / "site"))
    parser.add_argument("notebooks", nargs="*", type=Path, help="default: every notebook")
    args = parser.parse_args(argv)
    notebooks = [p.resolve() for p in args.notebooks] or NOTEBOOKS
    out = Path(args.out)
    out.mkdir(parents=True, exist_ok=True)
    vendor(out)
    items = []
    for path in notebooks:
        title, seconds = render(path, out)
        print(f"{path.stem + '.html':<40} {seconds:6.1f} s", flush=True)
        items.append(f'<li><a href="{path.stem}.html">{html.escape(title)}</a></li>')
    render_markdown_page(ROOT / "notebooks" / "references.md", out)
    (out / "index.html").write_text(INDEX.format(items="\n".join(items)), encoding="utf-8")
    print(f"{out / 'index.html'}")
    return 0


if __name__ == "__main__":
    sys.exit(main())
