//! The news body of a page: the part of a scraped text that is the article
//! itself, before the blocks a site appends to every page.
//!
//! CNN Arabic pages end with five "related stories": the lede paragraph of
//! five other articles, each cut at about 250 characters, none starting with
//! the و that links a paragraph to the one before (أعلنت الحكومة الأردنية
//! الأحد انتهاء "العملية الأمنية" في مدينة السلط …). Their events belong to
//! those articles, on other days and in other countries; read as part of the
//! page they become false events and pull the page's focus country away from
//! its story. The block is cut when the page is a CNN page (its first
//! paragraph names CNN: the dateline "(CNN)--" or an opinion piece's
//! disclaimer) and its last five paragraphs all have that shape. The body is
//! a prefix of the text, so every offset into it is an offset into the page.

/// Paragraphs in the related-stories block of a CNN page.
const RELATED: usize = 5;
/// The longest related-story abstract, in characters (they are cut at ~250).
const ABSTRACT_CHARS: usize = 260;

/// The length in bytes of the news body of `text` (all of it unless a
/// related-stories block was found).
pub fn body_len(text: &str) -> usize {
    // paragraphs: (byte start, trimmed text)
    let mut paras: Vec<(usize, &str)> = Vec::new();
    let mut at = 0;
    for line in text.split_inclusive('\n') {
        let t = line.trim();
        if !t.is_empty() {
            paras.push((at + (line.len() - line.trim_start().len()), t));
        }
        at += line.len();
    }
    let cnn = paras.first().is_some_and(|(_, p)| p.contains("CNN"));
    // the article itself must keep at least its lede
    if !cnn || paras.len() <= RELATED {
        return text.len();
    }
    let tail = &paras[paras.len() - RELATED..];
    let related = tail.iter().all(|(_, p)| !p.starts_with('و') && p.chars().count() <= ABSTRACT_CHARS);
    if related {
        // the end of the last body paragraph, so no trailing block remains
        let start = tail[0].0;
        text[..start].trim_end().len()
    } else {
        text.len()
    }
}

#[cfg(test)]
mod tests {
    use super::body_len;

    fn page(body: &[&str], related: &[&str]) -> String {
        body.iter().chain(related).copied().collect::<Vec<_>>().join("\n")
    }

    const RELATED: [&str; 5] = [
        "أعلنت الحكومة الأردنية الأحد انتهاء العملية الأمنية في مدينة السلط شمال غرب العاصمة، بعد يومين من المداهمات",
        "قال نائب المتحدث باسم وزارة الداخلية الأفغانية إن عشرين شخصا قتلوا في انفجارين، الأربعاء، بالعاصمة كابول.",
        "أعلنت لجنة نوبل، الجمعة، منح جائزة نوبل للسلام لعام 2018",
        "في 5 أكتوبر/تشرين أول من عام 1918 لقي الطيار الفرنسي رولان غاروس حتفه",
        "قال الرئيس التركي، رجب طيب أردوغان، الخميس، إنه يتابع القضية",
    ];

    #[test]
    fn a_cnn_page_ends_before_its_related_stories() {
        let body = [
            "دبي، الإمارات العربية المتحدة (CNN)-- أعلن الجيش الإسرائيلي، صباح الإثنين، اعتقال 11 مطلوبا.",
            "وقال المتحدث إن القوات ستواصل عملها.",
        ];
        let text = page(&body, &RELATED);
        let n = body_len(&text);
        assert_eq!(&text[..n], body.join("\n"));
    }

    #[test]
    fn other_pages_and_long_or_linked_endings_are_whole() {
        // no CNN in the lede
        let text = page(
            &["أعلن الجيش الإسرائيلي، صباح الإثنين، اعتقال 11 مطلوبا.", "وقال المتحدث إن القوات ستواصل عملها."],
            &RELATED,
        );
        assert_eq!(body_len(&text), text.len());
        // a CNN page whose last paragraph continues the story (و)
        let mut tail = RELATED;
        tail[4] = "وقال المتحدث إن القوات ستواصل عملها.";
        let text = page(&["(CNN)-- أعلن الجيش الإسرائيلي اعتقال 11 مطلوبا."], &tail);
        assert_eq!(body_len(&text), text.len());
        // a lede alone is never cut away
        let text = page(
            &[],
            &RELATED.map(|p| {
                if p.starts_with("أعلنت الحكومة") {
                    "(CNN)-- أعلنت الحكومة"
                } else {
                    p
                }
            }),
        );
        assert_eq!(body_len(&text), text.len());
        assert_eq!(body_len(""), 0);
    }
}
