use rasd_lexicon::Lexicon;
#[test]
fn dbg() {
    let lex = Lexicon::bundled().unwrap();
    for s in ["قصف على الموصل والرقة", "في مدينة الموصل", "دوما", "مدينة عين العرب"]
    {
        let a = lex.text.analyze(s);
        let toks: Vec<_> = (0..a.tokens.len()).map(|i| a.norm(i).to_string()).collect();
        let m = lex.places.find(&a, &lex.cues.org_heads, lex.text.vocab());
        println!(
            "{s}: {toks:?} -> {:?}",
            m.iter()
                .map(|m| (
                    m.start,
                    m.end,
                    m.candidates.iter().map(|&c| lex.places.get(c).name.clone()).collect::<Vec<_>>()
                ))
                .collect::<Vec<_>>()
        );
        for t in &toks {
            println!("  {t} logp={:?}", lex.text.vocab().logp(t));
        }
    }
}
