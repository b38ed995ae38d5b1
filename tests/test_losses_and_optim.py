"""softmax_cross_entropy, clip_by_global_norm and Adam."""

import math

import numpy as np
import pytest

from helpers import gradient_check
from helpers.losses import masked_cross_entropy, softmax_cross_entropy
from helpers.optim import Adam, adam_update, clip_by_global_norm, global_norm


def test_cross_entropy_of_a_uniform_guess_is_log_n_y():
    loss, _ = softmax_cross_entropy(np.zeros((4, 6)), np.array([0, 1, 2, 3, 0, 1]))
    assert loss == pytest.approx(math.log(4))


def test_cross_entropy_gradient_matches_finite_differences(rng):
    logits = rng.normal(size=(5, 3, 4))
    labels = rng.integers(0, 5, size=(3, 4))
    mask = rng.random((3, 4)) > 0.3
    _, dlogits = softmax_cross_entropy(logits, labels, mask)
    errors = gradient_check(
        lambda: softmax_cross_entropy(logits, labels, mask)[0], {"logits": logits},
        {"dlogits": dlogits},
    )  # fmt: skip
    assert errors["dlogits"] < 1e-7


def test_masked_positions_count_for_nothing(rng):
    logits = rng.normal(size=(3, 2, 5))
    labels = rng.integers(0, 3, size=(2, 5))
    mask = np.ones((2, 5), dtype=bool)
    mask[1, 3:] = False
    loss, dlogits = softmax_cross_entropy(logits, labels, mask)
    changed = logits.copy()
    changed[:, 1, 3:] += 100.0
    assert softmax_cross_entropy(changed, labels, mask)[0] == pytest.approx(loss)
    assert not dlogits[:, 1, 3:].any()


def test_cross_entropy_is_stable_for_huge_logits():
    loss, dlogits = softmax_cross_entropy(np.array([[1e4], [-1e4]]), np.array([1]))
    assert loss == pytest.approx(2e4)
    assert np.all(np.isfinite(dlogits))


def test_cross_entropy_rejects_labels_out_of_range():
    with pytest.raises(ValueError, match=r"labels should lie in \[0, 3\)"):
        softmax_cross_entropy(np.zeros((3, 2)), np.array([0, 3]))


def test_cross_entropy_rejects_mismatched_shapes():
    with pytest.raises(ValueError, match="to match"):
        softmax_cross_entropy(np.zeros((3, 2)), np.array([0, 1, 2]))


def probabilities(rng, n_y, m, T_x):
    z = rng.normal(size=(n_y, m, T_x))
    return np.exp(z) / np.exp(z).sum(axis=0, keepdims=True)


def test_masked_loss_of_a_uniform_guess_is_log_n_y():
    targets, mask = np.zeros((2, 5), dtype=int), np.ones((2, 5), dtype=bool)
    mask[0, 4] = False
    assert masked_cross_entropy(np.full((27, 2, 5), 1 / 27), targets, mask) == pytest.approx(
        math.log(27), rel=1e-15
    )


def test_masked_loss_is_the_training_loss_of_the_log_probabilities(rng):
    y_hat = probabilities(rng, 6, 3, 4)
    targets, mask = rng.integers(0, 6, size=(3, 4)), rng.random((3, 4)) < 0.7
    mask[0, 0] = True
    expected, _ = softmax_cross_entropy(np.log(y_hat), targets, mask)
    assert masked_cross_entropy(y_hat, targets, mask) == pytest.approx(expected, rel=1e-12)


def test_masked_loss_ignores_the_padding(rng):
    y_hat = probabilities(rng, 5, 2, 3)
    targets, mask = np.zeros((2, 3), dtype=int), np.array([[1, 1, 1], [1, 0, 0]], dtype=bool)
    changed = y_hat.copy()
    changed[:, 1, 1:] = probabilities(rng, 5, 1, 2)[:, 0, :]
    assert masked_cross_entropy(changed, targets, mask) == masked_cross_entropy(
        y_hat, targets, mask
    )


def test_masked_loss_names_the_argument_of_the_wrong_shape():
    with pytest.raises(ValueError, match=r"masked_cross_entropy: y_hat should be .* targets"):
        masked_cross_entropy(np.ones((27, 5, 2)) / 27, np.zeros((2, 5), int), np.ones((2, 5)))
    with pytest.raises(ValueError, match="mask should have the shape of targets"):
        masked_cross_entropy(np.ones((27, 2, 5)) / 27, np.zeros((2, 5), int), np.ones(5))


def test_clipping_keeps_small_gradients_and_shortens_long_ones():
    grads = {"dW": np.array([3.0, 4.0]), "db": np.array([0.0])}
    same, norm = clip_by_global_norm(grads, 10.0)
    assert norm == 5.0 and np.array_equal(same["dW"], grads["dW"])
    clipped, norm = clip_by_global_norm(grads, 1.0)
    assert norm == 5.0
    assert global_norm(clipped) == pytest.approx(1.0)
    np.testing.assert_allclose(clipped["dW"], [0.6, 0.8])  # same direction


@pytest.mark.parametrize("bad", [0.0, -1.0, float("nan"), float("inf")])
def test_clipping_rejects_a_bad_max_norm(bad):
    with pytest.raises(ValueError, match="max_norm should be a positive number"):
        clip_by_global_norm({"dW": np.ones(2)}, bad)


def test_clipping_rejects_non_finite_gradients():
    with pytest.raises(ValueError, match="NaN or infinite"):
        clip_by_global_norm({"dW": np.array([np.nan])}, 1.0)


def test_adam_minimises_a_quadratic():
    target = np.array([1.0, -2.0, 3.0])
    params = {"w": np.zeros(3)}
    optimizer = Adam(lr=0.1)
    for _ in range(500):
        optimizer.step(params, {"dw": 2 * (params["w"] - target)})
    np.testing.assert_allclose(params["w"], target, atol=1e-3)


def test_adam_first_step_has_the_size_of_the_learning_rate():
    params = {"w": np.zeros(2)}
    Adam(lr=0.01).step(params, {"dw": np.array([5.0, -0.001])})
    np.testing.assert_allclose(params["w"], [-0.01, 0.01], rtol=1e-4)


@pytest.mark.parametrize(
    "kwargs, message",
    [({"lr": -0.1}, "lr should be a positive"), ({"lr": 0}, "lr should be a positive"),
     ({"beta1": 1.0}, r"beta1 should lie in \[0, 1\)"), ({"eps": 0}, "eps should be")],
)  # fmt: skip
def test_adam_rejects_bad_hyperparameters(kwargs, message):
    with pytest.raises(ValueError, match=message):
        Adam(**kwargs)


def test_adam_update_leaves_its_inputs_unchanged(rng):
    w, g, m, v = (rng.normal(size=(3, 2)) for _ in range(4))
    v = v**2
    before = [a.copy() for a in (w, g, m, v)]
    adam_update(w, g, m, v, 3, 0.01)
    assert all(np.array_equal(a, b) for a, b in zip((w, g, m, v), before))


def test_adam_steps_every_parameter_with_adam_update_exactly(rng):
    parameters = {"W": rng.normal(size=(4, 3)), "b": rng.normal(size=(4, 1))}
    by_hand = {
        name: (w.copy(), np.zeros_like(w), np.zeros_like(w)) for name, w in parameters.items()
    }
    optimizer = Adam(lr=0.05, beta1=0.8, beta2=0.99, eps=1e-7)
    for k in range(1, 6):
        grads = {"d" + name: rng.normal(size=w.shape) for name, w in parameters.items()}
        optimizer.step(parameters, grads)
        by_hand = {
            name: adam_update(w, grads["d" + name], m, v, k, 0.05, 0.8, 0.99, 1e-7)
            for name, (w, m, v) in by_hand.items()
        }
    for name, w in parameters.items():
        assert np.array_equal(w, by_hand[name][0])  # bit for bit: the same arithmetic
