"""One ReLU neuron, forward and backward, by the chain rule.

The neuron is one big function of its inputs x, weights w and bias b::

    y = ReLU(sum(mul(x1, w1), mul(x2, w2), ..., b))

Everything here uses plain Python floats, added in the order written above,
so the numbers match a hand calculation digit for digit.
"""

from dataclasses import dataclass

from helpers._checks import as_finite_array, as_finite_float, check_shape


def relu(z):
    """ReLU of one number: ``z`` if ``z > 0``, else ``0.0``."""
    return max(z, 0.0)


def relu_derivative(z):
    """dReLU/dz of one number: 1 for z > 0 and 0 for z <= 0.

    At the kink z = 0 the derivative does not exist; this book, like the
    seed notebook, uses 0 there.
    """
    return 1.0 if z > 0 else 0.0


def _as_floats(inputs, weights, bias):
    x = as_finite_array("inputs", inputs, ndim=1)
    w = as_finite_array("weights", weights, ndim=1)
    check_shape("weights", w, x.shape, hint="one weight per input")
    return x.tolist(), w.tolist(), as_finite_float("bias", bias)


def _products(x, w):
    return [x_i * w_i for x_i, w_i in zip(x, w, strict=True)]


def _sum(products, b):
    z = 0.0
    for product in products:
        z += product
    return z + b


def neuron_sum(inputs, weights, bias):
    """z = x1*w1 + x2*w2 + ... + b, summed left to right.

    ``inputs`` and ``weights`` are sequences of length n; returns a float.
    """
    x, w, b = _as_floats(inputs, weights, bias)
    return _sum(_products(x, w), b)


def neuron_forward(inputs, weights, bias):
    """y = ReLU(sum of x_i * w_i + b) for one neuron; returns a float.

    ``inputs`` and ``weights``: lists or 1-D arrays of the same length n.
    """
    return relu(neuron_sum(inputs, weights, bias))


@dataclass(frozen=True)
class NeuronGradients:
    """What ``neuron_backward`` finds, step by step.

    products: the n products x_i * w_i; z, y: the forward values; dvalue:
    the gradient arriving from above; drelu_dz: dvalue * ReLU'(z);
    dweights, dinputs: lists of length n; dbias: a float.
    """

    products: list
    z: float
    y: float
    dvalue: float
    drelu_dz: float
    dweights: list
    dinputs: list
    dbias: float


def neuron_backward(inputs, weights, bias, dvalue=1.0):
    """Gradients of one ReLU neuron by the chain rule.

    dvalue is dL/dy, the gradient passed down from whatever uses y.
    Then dL/dz = dvalue * ReLU'(z); the sum passes it to each term with
    local derivative 1; each product x_i * w_i sends it on as
    dL/dw_i = dL/dz * x_i and dL/dx_i = dL/dz * w_i; and dL/db = dL/dz.
    """
    x, w, b = _as_floats(inputs, weights, bias)
    dvalue = as_finite_float("dvalue", dvalue)
    products = _products(x, w)
    z = _sum(products, b)
    drelu_dz = dvalue * relu_derivative(z)
    dsum_dterm = 1.0
    return NeuronGradients(
        products=products,
        z=z,
        y=relu(z),
        dvalue=dvalue,
        drelu_dz=drelu_dz,
        dweights=[drelu_dz * dsum_dterm * x_i for x_i in x],
        dinputs=[drelu_dz * dsum_dterm * w_i for w_i in w],
        dbias=drelu_dz * dsum_dterm,
    )
