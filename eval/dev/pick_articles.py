#!/usr/bin/env python3
"""Candidate selection for the dev gold set (issue 7).

Fixed seed + stratification: for every (country, event-type) keyword stratum,
list short articles (< 4000 chars) in a seeded random order. The annotator then
read candidates in that order and kept the ones that fit the quotas
(country, type, outlet, and no-event articles). Prints: stratum, id, source,
length, title.

  python3 pick_articles.py SY air 6        # stratum Syria x air strikes, first 6 in seeded order
  python3 pick_articles.py titles 'REGEX'  # every short article whose title matches (used for the
                                    # sparse strata: Somalia, Sinai/Egypt, Palestine/Israel)

The articles finally chosen, and why, are listed in GUIDE.md.
"""
import json, random, re, sys

CORPUS = "/work/shared/data/news/ant-2018-conflict.jsonl"
SEED = 20180707
COUNTRIES = {
    "SY": "سوري|دمشق|حلب|إدلب|ادلب|درعا|الغوطة|دير الزور|الرقة|حمص|حماة|عفرين",
    "YE": "اليمن|يمني|الحوثي|الحديدة|صنعاء|تعز|عدن|صعدة|مأرب",
    "IQ": "العراق|عراقي|بغداد|الموصل|كركوك|الأنبار|ديالى|صلاح الدين|البصرة",
    "LY": "ليبيا|ليبي|طرابلس|بنغازي|درنة|سرت|مصراتة|سبها",
    "AF": "أفغانستان|افغانستان|أفغاني|كابول|طالبان|قندهار|هلمند",
    "EG": "سيناء|العريش|\\bمصر\\b|المصري|الشيخ زويد|رفح المصرية",
    "SO": "الصومال|صومالي|مقديشو|حركة الشباب",
    "PS": "غزة|الضفة|القدس|فلسطيني|إسرائيل|الاحتلال",
    "NG": "نيجيريا|بوكو حرام|\\bمالي\\b|النيجر|بوركينا|تشاد|الساحل الأفريقي|الساحل الإفريقي|واغادوغو|باماكو|مايدوغوري",
}
TYPES = {
    "air": "غارة|غارات|طائرة مسيرة|طيران|قصف جوي",
    "shell": "قصف|قذائف|صاروخ|صواريخ|مدفعي|هاون",
    "clash": "اشتباك|اشتباكات|معارك|مواجهات",
    "ied": "عبوة ناسفة|لغم|عبوات",
    "suicide": "انتحاري|انتحارية|حزام ناسف|سيارة مفخخة",
    "civ": "اغتيال|مسلحون|مسلحين|خطف|اختطاف|أعدم|إعدام",
    "arrest": "اعتقال|اعتقل|القبض|اعتقلت",
    "protest": "متظاهر|مظاهرة|مظاهرات|احتجاج|تظاهر",
    "territory": "سيطر|سيطرة|استعاد|تحرير|انسحاب|انسحب",
    "none": "ذكرى|تهديد|هدد|يهدد|تاريخ|بيان|حذر|دعا",
}


def titles(regex):
    for l in open(CORPUS, encoding="utf-8"):
        r = json.loads(l)
        if len(r["text"]) < 4000 and re.search(regex, r["title"]):
            print(f"title\t{r['id']}\t{r['source']}\t{len(r['text'])}\t{r['title']}")


def main():
    if len(sys.argv) > 2 and sys.argv[1] == "titles":
        return titles(sys.argv[2])
    rows = [json.loads(l) for l in open(CORPUS, encoding="utf-8")]
    rows = [r for r in rows if len(r["text"]) < 4000 and r["category"] in ("middleEast", "internationalNews")]
    rng = random.Random(SEED)
    rng.shuffle(rows)
    want_c = sys.argv[1] if len(sys.argv) > 1 else None
    want_t = sys.argv[2] if len(sys.argv) > 2 else None
    n = int(sys.argv[3]) if len(sys.argv) > 3 else 12
    out = 0
    for r in rows:
        head = r["title"] + " " + r["text"][:600]
        if want_c and not re.search(COUNTRIES[want_c], head):
            continue
        if want_t and not re.search(TYPES[want_t], head):
            continue
        print(f"{want_c}/{want_t}\t{r['id']}\t{r['source']}\t{len(r['text'])}\t{r['title']}")
        out += 1
        if out >= n:
            break


if __name__ == "__main__":
    main()
