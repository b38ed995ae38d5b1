"""Input checks shared by the reference cells.

A wrong shape should stop the learner with a sentence that names the argument and
shows the expected and the actual shape, instead of a numpy broadcast that silently
computes the wrong thing (a bias of shape (n_a,) added to an (n_a, m) array is the
classic case).
"""

from collections.abc import Mapping

import numpy as np


class MissingParameterError(KeyError):
    """A parameter dict lacks a key the cell needs."""

    def __str__(self):  # KeyError would wrap the message in quotes
        return str(self.args[0])


class ShapeChecker:
    """Checks arrays against symbolic shapes such as ("n_a", "m").

    The first array that uses a symbol fixes its size; every later array must agree.
    A dimension may be a symbol, an int, or a sum of symbols such as "n_a + n_x".

    Parameters
    ----------
    function : str
        Name of the calling function, used to start every error message.
    """

    def __init__(self, function):
        self.function = function
        self.sizes = {}  # symbol -> (size, name of the argument that fixed it)

    def _expected(self, dim):
        if isinstance(dim, int):
            return dim
        if "+" in dim:
            parts = [p.strip() for p in dim.split("+")]
            if all(p in self.sizes for p in parts):
                return sum(self.sizes[p][0] for p in parts)
            return None
        return self.sizes.get(dim, (None,))[0]

    def _describe(self, dims):
        shape = "(" + ", ".join(str(d) for d in dims) + ")"
        known = {}
        for dim in dims:
            for part in [dim] if isinstance(dim, int) else dim.split("+"):
                part = part.strip() if isinstance(part, str) else part
                if isinstance(part, str) and part in self.sizes:
                    size, source = self.sizes[part]
                    known[part] = f"{part} = {size} (from {source})"
        return shape + (" with " + ", ".join(known.values()) if known else "")

    def array(self, name, value, dims):
        """Return `value` as a float ndarray after checking its shape and values.

        Raises
        ------
        TypeError
            If `value` is not a numeric array.
        ValueError
            If its shape does not match `dims`, or it holds NaN or inf.
        """
        where = f"{self.function}: {name}"
        try:
            arr = np.asarray(value, dtype=float)
        except (TypeError, ValueError):
            raise TypeError(
                f"{where} should be a numpy array of shape {self._describe(dims)}, "
                f"but got {type(value).__name__}."
            ) from None
        if value is None or arr.ndim == 0 and len(dims) > 0:
            raise TypeError(
                f"{where} should be a numpy array of shape {self._describe(dims)}, "
                f"but got {type(value).__name__} {value!r}."
            )
        expected = [self._expected(d) for d in dims]
        fits = arr.ndim == len(dims) and all(
            e is None or e == s for e, s in zip(expected, arr.shape)
        )
        if not fits:
            hint = ""
            if arr.ndim == 1 and len(dims) == 2 and dims[1] == 1:
                hint = " A bias must be a column vector: use .reshape(-1, 1)."
            raise ValueError(
                f"{where} should have shape {self._describe(dims)}, "
                f"but its shape is {arr.shape}.{hint}"
            )
        for dim, size in zip(dims, arr.shape):
            if isinstance(dim, str) and "+" not in dim and dim not in self.sizes:
                self.sizes[dim] = (size, name)
        if not np.all(np.isfinite(arr)):
            raise ValueError(f"{where} contains NaN or infinite values.")
        return arr

    def parameters(self, parameters, shapes):
        """Check a parameter dict against `shapes` (key -> dims), in the order given.

        Returns
        -------
        dict of float ndarrays with the keys of `shapes` (extra keys are ignored).
        """
        if not isinstance(parameters, Mapping):
            raise TypeError(
                f"{self.function}: parameters should be a dict of arrays, "
                f"but got {type(parameters).__name__}."
            )
        missing = [key for key in shapes if key not in parameters]
        if missing:
            listed = ", ".join(
                f"'{k}' {self._describe(shapes[k]).split(' with ')[0]}" for k in missing
            )
            raise MissingParameterError(f"{self.function}: parameters is missing {listed}.")
        return {
            key: self.array(f"parameters['{key}']", parameters[key], dims)
            for key, dims in shapes.items()
        }

    def sequence(self, name, value, length):
        """Check that `value` is a list or tuple of `length` items (cache layouts)."""
        if not isinstance(value, (list, tuple)) or len(value) != length:
            got = (
                f"a {type(value).__name__} of length {len(value)}"
                if isinstance(value, (list, tuple))
                else type(value).__name__
            )
            raise ValueError(
                f"{self.function}: {name} should be a tuple of {length} items, but got {got}."
            )
        return value


def checked_sequence_backward(function, da, caches, check_cell_cache):
    """The arguments of a backward pass over a sequence, checked with one ShapeChecker.

    Parameters
    ----------
    function : str, the calling function's name, for the messages
    da : array-like, shape (n_a, m, T_x)
    caches : tuple (list of T_x cell caches, x), x of shape (n_x, m, T_x)
    check_cell_cache : callable (check, cache, name) -> the cache's checked values; it
        shares the ShapeChecker, so n_x, n_a and m must agree across every step and da

    Returns
    -------
    da : ndarray (n_a, m, T_x)
    x : ndarray (n_x, m, T_x)
    steps : list of T_x checked cell caches, as check_cell_cache returns them
    """
    check = ShapeChecker(function)
    cell_caches, x = check.sequence("caches", caches, 2)
    x = check.array("caches[1] (x)", x, ("n_x", "m", "T_x"))
    T_x = x.shape[2]
    if not isinstance(cell_caches, (list, tuple)) or len(cell_caches) != T_x:
        raise ValueError(f"{function}: caches[0] should be a list of T_x = {T_x} cell caches.")
    # The caches first: a da that does not fit is then reported against them.
    steps = [check_cell_cache(check, c, f"caches[0][{t}]") for t, c in enumerate(cell_caches)]
    da = check.array("da", da, ("n_a", "m", "T_x"))
    return da, x, steps


def checked_gated_cache(check, cache, name, fields, shapes):
    """The arrays of a gated cell's cache (LSTM, GRU), checked with the ShapeChecker
    `check`, and its parameters checked against `shapes`.

    The cache is a tuple whose items are named by `fields`: xt (n_x, m), parameters (a
    dict), and arrays of shape (n_a, m) under every other name.

    Returns
    -------
    values : dict field -> ndarray (every field but parameters)
    parameters : dict, as ShapeChecker.parameters returns it
    """
    values = dict(zip(fields, check.sequence(name, cache, len(fields))))
    parameters = values.pop("parameters")
    checked = {}
    # xt first: it fixes n_x, which the other fields do not hold.
    for field in ("xt", *(f for f in values if f != "xt")):
        dims = ("n_x", "m") if field == "xt" else ("n_a", "m")
        checked[field] = check.array(
            f"{name}[{fields.index(field)}] ({field})", values[field], dims
        )
    return checked, check.parameters(parameters, shapes)
