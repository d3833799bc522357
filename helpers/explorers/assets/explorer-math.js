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

// helpers.network.train_network, as learn_curve runs it: Dense(1 -> H) -> ReLU
// -> Dense(H -> 1) on the curve, mean squared error, full-batch gradient descent.
// Keeps the loss and the parameters after every step. Stops, like helpers, at
// the first step whose numbers are not finite.
//
// Thousands of steps must fit in a slider move, so the arrays are made once
// and filled in place: z1[i * H + j] is z1 for sample i and hidden unit j, and
// the parameters after step k are row k of `states`, laid out as w1, b1, w2, b2.
// `start` is such a row to begin from: the network's first state by default.
function learnCurveStates(data, hidden, rate, steps, start = null) {
  const x = data.inputs;
  const t = data.targets;
  const n = x.length;
  const H = hidden;
  const size = 3 * H + 1;
  const states = new Float64Array((steps + 1) * size);
  const first = start ?? [...data.w1.slice(0, H), ...data.b1.slice(0, H),
                          ...data.w2.slice(0, H), data.b2[0]];
  const w1 = Float64Array.from(first.slice(0, H));
  const b1 = Float64Array.from(first.slice(H, 2 * H));
  const w2 = Float64Array.from(first.slice(2 * H, 3 * H));
  let b2 = first[3 * H];
  const z1 = new Float64Array(n * H);
  const y = new Float64Array(n);
  const dy = new Float64Array(n);
  const [dw1, db1, dw2] = [new Float64Array(H), new Float64Array(H), new Float64Array(H)];
  const losses = [];
  let divergedAt = null;
  for (let step = 0; step <= steps; step++) {
    // Forward: z1 = x w1 + b1, y = ReLU(z1) w2 + b2, L = mean((y - t)^2).
    let finite = true;
    let squares = 0;
    for (let i = 0; i < n; i++) {
      let sum = 0;
      for (let j = 0; j < H; j++) {
        const z = x[i] * w1[j] + b1[j];
        z1[i * H + j] = z;
        finite = finite && Number.isFinite(z);
        sum += Math.max(0, z) * w2[j];
      }
      y[i] = sum + b2;
      squares += (y[i] - t[i]) * (y[i] - t[i]);
    }
    const loss = squares / n;
    if (!finite || !y.every(Number.isFinite) || !Number.isFinite(loss)) {
      divergedAt = step;
      break;
    }
    losses.push(loss);
    states.set(w1, step * size);
    states.set(b1, step * size + H);
    states.set(w2, step * size + 2 * H);
    states[step * size + 3 * H] = b2;
    if (step === steps) break;
    // Backward: dL/dy = 2 (y - t) / B; the output layer gives dw2, db2 and its
    // dinputs dh = dy w2; ReLU passes dh where z1 > 0; the hidden layer gives dw1, db1.
    let db2 = 0;
    let dyLargest = 0;
    for (let i = 0; i < n; i++) {
      dy[i] = 2 * (y[i] - t[i]) / n;
      db2 += dy[i];
      dyLargest = Math.max(dyLargest, Math.abs(dy[i]));
    }
    dw1.fill(0);
    db1.fill(0);
    dw2.fill(0);
    for (let i = 0; i < n; i++) {
      for (let j = 0; j < H; j++) {
        const z = z1[i * H + j];
        const dz = z <= 0 ? 0 : dy[i] * w2[j];
        dw2[j] += Math.max(0, z) * dy[i];
        dw1[j] += x[i] * dz;
        db1[j] += dz;
      }
    }
    // helpers refuses a gradient that is not finite, dh = dy w2 included, even
    // where ReLU then zeroes it; the largest |dh| is the largest |dy| times |w2|.
    const dhLargest = dyLargest * w2.reduce((a, w) => Math.max(a, Math.abs(w)), 0);
    if (![dyLargest, dhLargest, db2].every(Number.isFinite)
        || ![dw1, db1, dw2].every((a) => a.every(Number.isFinite))) {
      divergedAt = step + 1;
      break;
    }
    for (let j = 0; j < H; j++) {
      w1[j] += -rate * dw1[j];
      b1[j] += -rate * db1[j];
      w2[j] += -rate * dw2[j];
    }
    b2 += -rate * db2;
  }
  return { hidden, size, losses, states: states.subarray(0, losses.length * size), divergedAt };
}

// The parameters after step k of a path, as lists.
function stateAt(path, k) {
  const H = path.hidden;
  const row = Array.from(path.states.subarray(k * path.size, (k + 1) * path.size));
  return { w1: row.slice(0, H), b1: row.slice(H, 2 * H), w2: row.slice(2 * H, 3 * H),
           b2: row[3 * H] };
}

function dotVector(a, b) {
  let sum = 0;
  for (let k = 0; k < a.length; k++) sum += a[k] * b[k];
  return sum;
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
      killed: steps ? transpose(path.outputs[1]).filter((column) => column.every((v) => v === 0))
        .length : null,
      outputs_count: last.length,
    };
  },

  curve(values, data) {
    const { hidden, learning_rate: rate, steps } = values;
    const path = trainedCurve(data, hidden, rate, steps);
    const divergedAt = path.divergedAt ?? data.steps_max + 1;
    const shown = Math.min(steps, divergedAt - 1);
    const { w1, b1, w2, b2 } = stateAt(path, shown);
    const sums = (xs) => xs.map((xi) => w1.map((w, j) => xi * w + b1[j]));
    const gridHidden = sums(data.grid).map((row) => row.map((v) => Math.max(0, v)));
    const dead = w1.map((_, j) => sums(data.inputs).every((row) => row[j] <= 0));
    const kinks = w1.map((w, j) => (w === 0 ? null : -b1[j] / w));
    const perUnit = (list) => [...list, ...Array(data.w1.length - hidden).fill(null)];
    const lossSteps = [];
    for (let step = 0; step <= shown; step += data.loss_every) lossSteps.push(step);
    return {
      hidden, learning_rate: rate, steps, shown_step: shown, grid: data.grid,
      fit: gridHidden.map((row) => dotVector(row, w2) + b2),
      hinges: perUnit(w1.map((_, j) => gridHidden.map((row) => row[j] * w2[j]))),
      live_kinks: perUnit(kinks.map((k, j) => (dead[j] ? null : k))),
      dead_kinks: perUnit(kinks.map((k, j) => (dead[j] ? k : null))),
      loss_steps: lossSteps, losses: lossSteps.map((step) => path.losses[step]),
      loss_start: path.losses[0], loss: path.losses[shown],
      dead: dead.filter(Boolean).length,
      diverged_at: divergedAt <= steps ? divergedAt : null,
      chaotic: rate > data.stable_rate,
    };
  },
};

// Each width and rate is trained once, as far as a slider has asked, keeping
// the state after every step: the steps slider then only picks, and a longer
// path continues from the last step (helpers/explorers/curve.py does the same).
const curvePaths = new Map();
const CURVES_KEPT = 8;
function trainedCurve(data, hidden, rate, steps) {
  const key = `${hidden} ${rate}`;
  let path = curvePaths.get(key);
  curvePaths.delete(key);
  if (!path) {
    path = learnCurveStates(data, hidden, rate, steps);
  } else if (path.divergedAt === null && path.losses.length <= steps) {
    const done = path.losses.length - 1;
    const last = path.states.subarray(done * path.size, (done + 1) * path.size);
    const more = learnCurveStates(data, hidden, rate, steps - done, last);
    const states = new Float64Array(path.states.length + more.states.length - path.size);
    states.set(path.states);
    states.set(more.states.subarray(path.size), path.states.length);
    path = { hidden, size: path.size, losses: [...path.losses, ...more.losses.slice(1)],
             states, divergedAt: more.divergedAt === null ? null : done + more.divergedAt };
  }
  curvePaths.set(key, path);
  if (curvePaths.size > CURVES_KEPT) curvePaths.delete(curvePaths.keys().next().value);
  return path;
}
