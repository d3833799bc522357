"""Links between chapters that land on the same place in the book and in JupyterLab.

A chapter links to a place in another chapter with a Markdown link whose
fragment names a cell: [the dead neuron](03_chain_rule.ipynb#cell-id=dead-neuron).
JupyterLab opens the notebook and scrolls to the cell with that id, the one
fragment it can find in a notebook it has only just opened. The cell's id is
the label it starts with, ``(dead-neuron)=`` or ``:label: dead-neuron``, and in
the book the fragment leads to that label.

MyST resolves the fragment of a link to another page only against the page's
heading slugs, and warns about anything else. So for every label a page
defines, this extension adds the slug ``cell-id=<label>``, standing for the
label's own anchor.
"""

PREFIX = "cell-id="


def add_cell_slugs(app, doctree):
    env = app.env
    std = env.get_domain("std")
    slugs = env.metadata[env.docname].setdefault("myst_slugs", {})
    for name, (docname, anchor) in std.anonlabels.items():
        if docname == env.docname:
            title = std.labels.get(name, (None, None, ""))[2]
            slugs[PREFIX + name] = (None, anchor, title)


def setup(app):
    app.connect("doctree-read", add_cell_slugs)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
