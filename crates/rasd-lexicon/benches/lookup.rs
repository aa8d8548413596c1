//! The lookup stage against the text layer on real Arabic news:
//! `cargo bench -p rasd-lexicon`. Issue 3 asks that looking up every actor,
//! trigger and place cost no more than the text layer itself; the two
//! groups here measure both on the same documents (the first 2,000 articles
//! of ../shared/data/news/ant-2018-10k.jsonl when present, else the bundled
//! seed report).

use criterion::{criterion_group, criterion_main, BatchSize, Criterion, Throughput};
use rasd_lexicon::Lexicon;

#[path = "../../rasd-text/benches/common/mod.rs"]
mod common;

use common::corpus;

fn bench(c: &mut Criterion) {
    let lex = Lexicon::bundled().unwrap();
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group("lookup");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("text-layer", |b| {
        b.iter(|| docs.iter().map(|d| lex.text.analyze(d).tokens.len()).sum::<usize>());
    });
    // the analyses are made and freed outside the timing: freeing them is
    // the text layer's cost, and the text-layer group counts it already
    g.bench_function("dictionaries", |b| {
        b.iter_batched_ref(
            || docs.iter().map(|d| lex.text.analyze(d)).collect::<Vec<_>>(),
            |analyses| analyses.iter().map(|a| lex.lookup_all(a)).sum::<usize>(),
            BatchSize::PerIteration,
        );
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
