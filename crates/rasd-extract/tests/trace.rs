//! `Extractor::trace` tells a user why a sentence was or was not coded.

use rasd_core::Document;
use rasd_extract::{Extractor, Options};
use rasd_lexicon::Lexicon;

#[test]
fn trace_reports_dropped_frames_with_their_reason() {
    let lex = Lexicon::bundled().unwrap();
    let ex = Extractor::new(&lex, Options::default());
    let doc = Document {
        id: "t1".into(),
        text: "نفت وزارة الدفاع أن تكون طائراتها قد قصفت المدينة. وقتل ثلاثة مدنيين في غارة جوية على بلدة سراقب أمس."
            .into(),
        published: Some("2018-03-01".into()),
        ..Default::default()
    };
    let (events, frames) = ex.trace(&doc).unwrap();
    assert_eq!(events, ex.extract(&doc).unwrap(), "tracing changes nothing");
    assert!(frames.iter().any(|f| f.sentence == 0 && f.outcome.starts_with("dropped")), "{frames:#?}");
    assert!(frames.iter().any(|f| f.sentence == 1 && f.outcome.starts_with("coded")), "{frames:#?}");
    let t = &frames.iter().find(|f| f.sentence == 1).unwrap().triggers[0];
    let chars: Vec<char> = doc.text.chars().collect();
    let at: String = chars[t.1.start..t.1.end].iter().collect();
    assert_eq!(at, t.0, "trigger spans are character offsets into the text");
}
