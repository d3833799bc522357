// The explorers' numbers, computed in the page for the HTML book, where no
// Python runs. Each function follows the helpers function named above it,
// operation for operation and in the same order, so the page shows what
// helpers computes; the tests compare the two at hundreds of settings.
// `values` holds the sliders; `data` the fixed numbers the explorer sends
// (the book's examples, from helpers.examples).

// helpers.neuron.neuron_backward: the forward pass, then the chain rule.
function neuronBackward(inputs, weights, bias, dvalue = 1) {
  const products = inputs.map((x, i) => x * weights[i]);
  let z = 0;
  for (const product of products) z += product;
  z += bias;
  const reluSlope = z > 0 ? 1 : 0;           // ReLU'(z), and 0 at the kink
  const dreluDz = dvalue * reluSlope;
  const dsumDterm = 1;                        // the sum passes the gradient on
  return {
    products, z, y: Math.max(z, 0), reluSlope,
    dweights: inputs.map((x) => dreluDz * dsumDterm * x),
    dinputs: weights.map((w) => dreluDz * dsumDterm * w),
    dbias: dreluDz * dsumDterm,
  };
}

// helpers.optim.descend_neuron: `steps` steps of w <- w + (-rate) * dy/dw.
function descendNeuron(inputs, weights, bias, rate, steps) {
  const path = { weights: [], sums: [], outputs: [] };
  for (let step = 0; step <= steps; step++) {
    const gradients = neuronBackward(inputs, weights, bias);
    path.weights.push(weights);
    path.sums.push(gradients.z);
    path.outputs.push(gradients.y);
    if (step < steps) weights = weights.map((w, i) => w + -rate * gradients.dweights[i]);
  }
  const deadAt = path.sums.findIndex((z) => z <= 0);
  path.deadAt = deadAt < 0 ? null : deadAt;
  return path;
}

// Matrices are arrays of rows. a (n, k) times b (k, m), as np.dot.
function dot(a, b) {
  return a.map((row) => b[0].map((_, j) => {
    let sum = 0;
    for (let k = 0; k < row.length; k++) sum += row[k] * b[k][j];
    return sum;
  }));
}

function transpose(a) {
  return a[0].map((_, j) => a.map((row) => row[j]));
}

// helpers.optim.train_layer: Dense -> ReLU, lowering L = 1/2 * sum(y**2).
function trainLayer(inputs, weights, biases, rate, steps) {
  const path = { losses: [], outputs: [] };
  for (let step = 0; step <= steps; step++) {
    const z = dot(inputs, weights).map((row) => row.map((v, j) => v + biases[0][j]));
    const y = z.map((row) => row.map((v) => Math.max(0, v)));
    let squares = 0;
    for (const row of y) for (const v of row) squares += v * v;
    path.losses.push(0.5 * squares);
    path.outputs.push(y);
    if (step === steps) break;
    // dL/dy = y; ReLU passes it where z > 0; Dense turns it into dweights, dbiases.
    const dz = y.map((row, i) => row.map((v, j) => (z[i][j] <= 0 ? 0 : v)));
    const dweights = dot(transpose(inputs), dz);
    const dbiases = [dz.reduce((sums, row) => sums.map((s, j) => s + row[j]))];
    weights = weights.map((row, i) => row.map((w, j) => w + -rate * dweights[i][j]));
    biases = biases.map((row, i) => row.map((b, j) => b + -rate * dbiases[i][j]));
  }
  return path;
}

function columnMeans(matrix) {
  return transpose(matrix).map((column) => column.reduce((a, b) => a + b) / column.length);
}

// One function per explorer, keyed by its name; each returns the same numbers,
// under the same names, as the explorer's compute() in Python.
export const compute = {
  neuron(values, data) {
    const g = neuronBackward(data.inputs, [values.w1, values.w2, values.w3], values.b);
    return { products: g.products, b: values.b, z: g.z, y: g.y };
  },

  gradient(values, data) {
    const g = neuronBackward(data.inputs, [values.w1, values.w2, values.w3], values.b);
    return {
      z: g.z, relu_slope: g.reluSlope, dweights: g.dweights, dbias: g.dbias,
      dinputs: g.dinputs, dead: g.z <= 0,
    };
  },

  descent(values, data) {
    const steps = values.steps;
    const path = descendNeuron(data.inputs, data.weights, data.bias,
                               values.learning_rate, steps);
    return {
      learning_rate: values.learning_rate, steps, outputs: path.outputs,
      weight_paths: transpose(path.weights), y_start: path.outputs[0],
      y: path.outputs[steps], z: path.sums[steps], weights: path.weights[steps],
      dead_at: path.deadAt,
    };
  },

  layer(values, data) {
    const steps = values.steps;
    const path = trainLayer(data.inputs, data.weights, data.biases,
                            values.learning_rate, steps);
    const means = path.outputs.map(columnMeans);
    const last = path.outputs[steps].flat();
    return {
      learning_rate: values.learning_rate, steps, losses: path.losses,
      loss_start: path.losses[0], loss: path.losses[steps], mean_paths: transpose(means),
      means: means[steps], alive: last.filter((v) => v > data.alive).length,
      outputs_count: last.length,
    };
  },
};
