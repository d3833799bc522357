"""Input checks shared by every helper.

Each check either returns a clean float64 array (or float) or raises a
``ValueError`` that names what was expected and what arrived, so a learner
who passes the wrong thing reads the fix in the message.
"""

import math

import numpy as np


def as_float_array(name, value, ndim=None, copy=False):
    """Return ``value`` as a float64 array, or raise ``ValueError``.

    ``ndim`` (optional) is the number of dimensions the caller needs. A
    float64 array comes back as it is unless ``copy`` is true; anything else
    is converted into a new array.
    """
    if isinstance(value, np.ndarray) and value.dtype == np.float64 and not copy:
        array = value
    else:
        try:
            array = np.array(value, dtype=np.float64)
        except (TypeError, ValueError) as error:
            raise ValueError(f"{name} must be numbers, got {value!r}") from error
    if ndim is not None and array.ndim != ndim:
        raise ValueError(
            f"{name} must have {ndim} dimension{'s' if ndim != 1 else ''}, "
            f"got shape {array.shape}"
        )
    return array


def check_finite(name, array):
    """Raise ``ValueError`` if ``array`` holds NaN or infinity."""
    if not np.isfinite(array).all():
        raise ValueError(f"{name} must be finite, got NaN or infinity in {name} = {array}")


def as_finite_array(name, value, ndim=None, copy=False):
    """``as_float_array``, then ``check_finite``."""
    array = as_float_array(name, value, ndim, copy)
    check_finite(name, array)
    return array


def as_finite_float(name, value):
    """Return ``value`` as a Python float, or raise ``ValueError``."""
    if type(value) is float and math.isfinite(value):
        return value  # the common case, a plain float, needs no array
    array = as_finite_array(name, value)
    if array.ndim != 0:
        raise ValueError(f"{name} must be a single number, got shape {array.shape}")
    return float(array)


def check_shape(name, array, expected_shape, hint=""):
    """Raise ``ValueError`` unless ``array.shape == expected_shape``."""
    if array.shape != tuple(expected_shape):
        message = f"{name} must have shape {tuple(expected_shape)}, got shape {array.shape}"
        raise ValueError(message + (f"; {hint}" if hint else ""))


def as_whole_number(name, value, minimum=0):
    """Return ``value`` as an int, or raise ``ValueError`` unless it is a whole
    number (not a bool, not a float) of at least ``minimum``."""
    if isinstance(value, bool) or not isinstance(value, (int, np.integer)) or value < minimum:
        raise ValueError(f"{name} must be a whole number >= {minimum}, got {value!r}")
    return int(value)
