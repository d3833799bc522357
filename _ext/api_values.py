"""Show the NumPy arrays on the API page as the numbers they hold, on lines that wrap.

autodoc writes a module-level value with repr(). A NumPy array's repr spreads
over several lines padded with spaces so that its columns align; in the one
line of a signature the line breaks turn into runs of spaces that neither
align nor wrap, and the page grows sideways. An array is shown instead as
array([[0.2, 0.5, -0.26], [0.8, -0.91, -0.27], ...]): the same numbers, one
space after each comma, so the line breaks between numbers where it must.
"""

import numpy as np
from sphinx.ext.autodoc import DataDocumenter


class ArrayDocumenter(DataDocumenter):
    """A module-level NumPy array: autodoc's data entry, with the value as nested lists."""

    objtype = "arraydata"
    directivetype = DataDocumenter.objtype
    priority = DataDocumenter.priority + 1

    @classmethod
    def can_document_member(cls, member, membername, isattr, parent):
        return (isinstance(member, np.ndarray)
                and super().can_document_member(member, membername, isattr, parent))

    def should_suppress_value_header(self):
        # The value line comes from add_directive_header below, not from repr().
        return True

    def add_directive_header(self, sig):
        super().add_directive_header(sig)
        if not self.options.get("no-value"):
            self.add_line(f"   :value: {array_value(self.object)}", self.get_sourcename())


def array_value(array):
    """``array([[1.0, 2.0], [3.0, 4.0]])``: the array's numbers on one line."""
    return f"array({np.asarray(array).tolist()!r})"


def setup(app):
    app.setup_extension("sphinx.ext.autodoc")
    app.add_autodocumenter(ArrayDocumenter)
    return {"parallel_read_safe": True, "parallel_write_safe": True}
