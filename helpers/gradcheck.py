"""Check a hand-derived gradient against finite differences."""

import numpy as np

from helpers._checks import as_finite_array, as_finite_float


def numerical_gradient(f, x, h=1e-5):
    """Central differences of a scalar function ``f`` at the array ``x``.

    For each entry x_i: (f(x + h e_i) - f(x - h e_i)) / (2h), where e_i is 1
    at position i and 0 elsewhere. Returns an array of ``x``'s shape; ``x``
    itself is not changed. The error shrinks like h**2 until floating-point
    rounding, which grows like 1/h, takes over.
    """
    h = as_finite_float("h", h)
    if h <= 0:
        raise ValueError(f"h must be > 0, got {h}")
    point = as_finite_array("x", x, copy=True)  # perturbed below, so never the caller's
    gradient = np.zeros_like(point)
    for index in np.ndindex(point.shape):
        original = point[index]
        point[index] = original + h
        f_plus = float(f(point))
        point[index] = original - h
        f_minus = float(f(point))
        point[index] = original
        gradient[index] = (f_plus - f_minus) / (2 * h)
    return gradient


def relative_error(analytic, numerical):
    """``max|a - n| / max(|a| + |n|)``, the usual yardstick for a gradient check.

    Below about 1e-7 the two agree to the precision finite differences allow;
    returns 0.0 when both are exactly zero.
    """
    analytic = as_finite_array("analytic", analytic)
    numerical = as_finite_array("numerical", numerical)
    if analytic.shape != numerical.shape:
        raise ValueError(
            f"analytic and numerical must have the same shape, "
            f"got {analytic.shape} and {numerical.shape}"
        )
    scale = np.max(np.abs(analytic) + np.abs(numerical), initial=0.0)
    if scale == 0.0:
        return 0.0
    return float(np.max(np.abs(analytic - numerical)) / scale)
