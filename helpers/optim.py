"""Plain stochastic gradient descent: step every parameter against its gradient."""

from helpers._checks import as_finite_array, as_finite_float, check_shape


def _learning_rate(learning_rate):
    learning_rate = as_finite_float("learning_rate", learning_rate)
    if learning_rate < 0:
        raise ValueError(f"learning_rate must be >= 0, got {learning_rate}")
    return learning_rate


def sgd_step(parameters, gradients, learning_rate):
    """Return parameters + (-learning_rate) * gradients; the inputs are left alone.

    Lists come back as lists of floats (as in the scalar chapters), arrays
    as new float64 arrays of the same shape.
    """
    learning_rate = _learning_rate(learning_rate)
    values = as_finite_array("parameters", parameters)
    grads = as_finite_array("gradients", gradients)
    check_shape("gradients", grads, values.shape, hint="one gradient per parameter")
    updated = values + -learning_rate * grads
    return updated.tolist() if isinstance(parameters, (list, tuple)) else updated


def sgd_update(layer, learning_rate):
    """Update a layer's weights and biases in place from its last backward pass."""
    if getattr(layer, "dweights", None) is None:
        raise RuntimeError("sgd_update needs gradients: call the layer's backward first")
    weights = sgd_step(layer.weights, layer.dweights, learning_rate)
    biases = sgd_step(layer.biases, layer.dbiases, learning_rate)
    layer.weights, layer.biases = weights, biases
    return layer
