//! Throughput of the whole text layer (normalize + repair + sentences +
//! tokens + numbers) on real Arabic news: `cargo bench -p rasd-text`.
//! Uses ../shared/data/news/ant-2018-10k.jsonl when present (the first 2,000
//! articles), else the bundled seed report.

use criterion::{criterion_group, criterion_main, Criterion, Throughput};
use rasd_text::{TextLayer, Vocab};

mod common;

use common::corpus;

fn bench(c: &mut Criterion) {
    let layer = TextLayer::new(Vocab::from_wordfreq(include_str!("../../../data/lexicon/wordfreq_ar.tsv")).unwrap());
    let docs = corpus();
    let bytes: usize = docs.iter().map(String::len).sum();
    let mut g = c.benchmark_group("text-layer");
    g.throughput(Throughput::Bytes(bytes as u64));
    g.sample_size(10);
    g.bench_function("analyze", |b| {
        b.iter(|| docs.iter().map(|d| layer.analyze(d).tokens.len()).sum::<usize>());
    });
    g.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
