"""Pretrain a model's tok2vec on unlabelled text (`somevakt train pretrain --data TEXT.gz`).

spaCy's cloze objective: 15% of the words are masked or replaced, and the tok2vec (exactly the
one in the model's config: same embedding, vectors and encoder) learns to predict from the
context the first and last `n_characters` characters of each masked word. The characters are
case-sensitive, so it learns where capitalised words (names) go, which the lower-cased floret
vectors cannot teach. A share of the lines is lower-cased, as in the NER training data, so
the context it learns from is also the one of lower-case social media text.

The weights are saved every `save_every` steps as `model-step<N>.bin` (the tok2vec only) for
`somevakt train ner --init-tok2vec FILE`; the run is reproducible from its seed, so stopping a
long run after N steps gives the same weights as a run with `--max-steps N`.

A run longer than one sitting continues from a saved `model-step<N>.bin` (`resume`): the tok2vec
starts from those weights and the step count from N, as spaCy's own `pretrain --resume-path` does.
The optimizer's moments and the small output layer start afresh and the pass over the text starts
from its beginning again, so a resumed run is close to, not identical with, an uninterrupted one.
"""

from __future__ import annotations

import gzip
import json
import random
import re
import time
from dataclasses import dataclass
from pathlib import Path
from typing import Any

from somevakt.analysis.models import MODELS_DIR
from somevakt.analysis.training.errors import DataError
from somevakt.analysis.training.vectors import vectors_for

PRETRAINING = """
[paths]
raw_text = null

[corpora]

[corpora.pretrain]
@readers = "spacy.JsonlCorpus.v1"
path = ${paths.raw_text}
min_length = 3
max_length = 300
limit = 0

[pretraining]
max_epochs = 100
dropout = 0.2
n_save_every = null
n_save_epoch = null
component = "tok2vec"
layer = ""
corpus = "corpora.pretrain"

[pretraining.batcher]
@batchers = "spacy.batch_by_words.v1"
size = 3000
discard_oversize = false
tolerance = 0.2
get_length = null

[pretraining.objective]
@architectures = "spacy.PretrainCharacters.v1"
maxout_pieces = 3
hidden_size = 300
n_characters = 4

[pretraining.optimizer]
@optimizers = "Adam.v1"
beta1 = 0.9
beta2 = 0.999
L2_is_weight_decay = true
L2 = 0.01
grad_clip = 1.0
use_averages = true
eps = 1e-8
learn_rate = 0.001
"""


@dataclass(frozen=True)
class PretrainOptions:
    data: Path  # plain text, one paragraph a line, optionally .gz
    work_dir: Path
    config: Path  # the model's training config: its tok2vec is the one pretrained
    vectors: Path | None = None  # spaCy vectors folder (None: the shipped table, if the config uses it)
    models_dir: Path = MODELS_DIR
    max_steps: int = 20000
    save_every: int = 1000
    limit: int = 0  # lines of text (0: all)
    p_lower: float = 0.3
    seed: int = 1
    overrides: tuple[tuple[str, Any], ...] = ()
    resume: Path | None = None  # a model-step<N>.bin of an earlier run: go on from step N


def resume_step(weights: Path) -> int:
    """The step a checkpoint was saved at, from its name (`model-step<N>.bin`)."""
    match = re.fullmatch(r"model-step(\d+)\.bin", weights.name)
    if not weights.is_file() or match is None:
        raise DataError(f"{weights}: not a pretraining checkpoint (expected an existing model-step<N>.bin)")
    return int(match.group(1))


def write_texts(source: Path, target: Path, rng: random.Random, p_lower: float, limit: int = 0) -> int:
    """spaCy's JSONL corpus ({"text": ...} a line), shuffled, a share lower-cased; returns the lines.

    The text is in document order; shuffled, a batch mixes many documents and genres.
    """
    if not source.is_file():
        raise DataError(f"{source}: no such file (expected plain text, optionally .gz)")
    opener = gzip.open if source.suffix == ".gz" else open
    with opener(source, "rt", encoding="utf-8") as inp:
        lines = [text for text in (" ".join(line.split()) for line in inp) if text]
    if not lines:
        raise DataError(f"{source}: no text")
    rng.shuffle(lines)
    if limit:
        lines = lines[:limit]
    target.parent.mkdir(parents=True, exist_ok=True)
    tmp = target.with_name(f".{target.name}")
    with tmp.open("w", encoding="utf-8") as out:
        for text in lines:
            if rng.random() < p_lower:
                text = text.lower()
            out.write(json.dumps({"text": text}, ensure_ascii=False) + "\n")
    tmp.rename(target)
    return len(lines)


def with_pretraining(path: Path) -> Any:
    """A training config with a [pretraining] block (the committed configs leave it empty).

    spaCy loads `[initialize] init_tok2vec` into the layer that block names and silently
    skips the weights without it, so both pretraining and training from its weights need it.
    """
    from spacy.util import load_config
    from thinc.api import Config

    config = load_config(path, interpolate=False)
    if config.get("pretraining"):
        return config
    return Config(config).merge(Config().from_str(PRETRAINING, interpolate=False))


def pretrain_config(options: PretrainOptions, texts: Path, vectors: Path | None) -> Any:
    config = with_pretraining(options.config)
    overrides: dict[str, Any] = {"paths.raw_text": str(texts), "system.seed": options.seed}
    if vectors is not None:
        overrides["paths.vectors"] = str(vectors)
    overrides.update(dict(options.overrides))
    for key, value in overrides.items():
        *parents, last = key.split(".")
        node = config
        for part in parents:
            if part not in node:
                raise DataError(f"--set {key}: no section {part!r} in the config")
            node = node[part]
        node[last] = value
    return config


def pretrain(options: PretrainOptions) -> Path:
    """Convert the text, pretrain, and save checkpoints; returns the last weights file."""
    from dataclasses import replace

    if not options.data.is_file():
        raise DataError(f"{options.data}: no such file (expected plain text, optionally .gz)")
    if not options.config.is_file():
        raise DataError(f"{options.config}: no such config file")
    if options.vectors is not None and not (options.vectors / "vocab").is_dir():
        raise DataError(
            f"{options.vectors}: not a spaCy vectors folder (build one with `somevakt train vectors`)"
        )
    start = resume_step(options.resume) if options.resume is not None else 0
    if start >= options.max_steps:
        raise DataError(f"{options.resume}: already at step {start}; give a --max-steps above it")
    vectors = vectors_for(options.config, options.vectors, options.models_dir, options.work_dir)
    options = replace(options, vectors=vectors)
    out = options.work_dir / "pretrain"
    texts = out / f"text-{options.seed}-{options.p_lower}-{options.limit}.jsonl"
    if not texts.is_file():
        rng = random.Random(options.seed)  # noqa: S311 - reproducible sampling, not security
        lines = write_texts(options.data, texts, rng, options.p_lower, options.limit)
        print(f"text: {lines} lines", flush=True)
    config = pretrain_config(options, texts, options.vectors)
    config.to_disk(out / "config.cfg")
    resume = (options.resume, start) if options.resume is not None else None
    return _run(config.interpolate(), out, options.max_steps, options.save_every, resume)


def _run(
    config: Any, out: Path, max_steps: int, save_every: int, resume: tuple[Path, int] | None = None
) -> Path:
    """spaCy's pretraining loop, stopped after `max_steps` batches and saved every `save_every`."""
    from spacy.schemas import ConfigSchemaPretrain
    from spacy.training.pretrain import create_pretraining_model, ensure_docs, make_update
    from spacy.util import dot_to_object, load_model_from_config, registry
    from thinc.api import fix_random_seed

    fix_random_seed(config["training"]["seed"])
    config["initialize"]["init_tok2vec"] = None
    nlp = load_model_from_config(config)
    resolved = nlp.config.interpolate()
    P = registry.resolve(resolved["pretraining"], schema=ConfigSchemaPretrain)
    corpus = registry.resolve({"corpus": dot_to_object(resolved, P["corpus"])})["corpus"]
    model = create_pretraining_model(nlp, P)
    optimizer = P["optimizer"]
    objective = model.attrs["loss"]
    tok2vec = model.get_ref("tok2vec")
    first_step = 0
    if resume is not None:
        weights, first_step = resume
        # Read before anything is written: the checkpoint may be one this run overwrites.
        tok2vec.from_bytes(weights.read_bytes())

    def save(name: str) -> Path:
        path = out / name
        # The running average when the optimizer keeps one (the default), else the weights as they are.
        with model.use_params(optimizer.averages or {}):
            tmp = path.with_name(f".{path.name}")
            tmp.write_bytes(tok2vec.to_bytes())
            tmp.rename(path)
        return path

    step, words, start = first_step, 0, time.monotonic()
    window_loss, window_words = 0.0, 0
    last = out / "model-last.bin"
    log = (out / "log.jsonl").open("a", encoding="utf-8")
    try:
        for epoch in range(P["max_epochs"]):
            for batch in P["batcher"](corpus(nlp)):
                docs = ensure_docs(batch)
                window_loss += make_update(model, docs, optimizer, objective)
                window_words += sum(len(doc) for doc in docs)
                step += 1
                if step % save_every == 0 or step == max_steps:
                    save(f"model-step{step}.bin")
                    words += window_words
                    row: dict[str, float] = {"step": step, "epoch": epoch, "words": words}
                    row["loss_per_word"] = round(window_loss / max(window_words, 1), 4)
                    window_loss, window_words = 0.0, 0
                    row["words_per_s"] = round(words / (time.monotonic() - start))
                    log.write(json.dumps(row) + "\n")
                    log.flush()
                    print(json.dumps(row), flush=True)
                if step >= max_steps:
                    return save(last.name)
        return save(last.name)
    finally:
        log.close()
