// resolve: turns candidate mentions from every sentence of every input into entities, one per
// referent across all inputs.
//
// Propagate first makes a document's names consistent (see there).
//
// Guarantees: every candidate becomes exactly one mention of exactly one entity; mentions never
// overlap; an entity's mentions are in text order and all have its type. Candidates are merged
// when they name the same lexicon entry (a candidate without one whose whole text a lexicon of
// its type lists, the news lexicons included, names that entry: إنترفاكس is Interfax, سيول the
// Seoul of سول), when they have the same key, or when a one-word person name is the last word
// (or any word, for a lexicon variant) of a longer person name in the request. Then, words no
// candidate covers become mentions too:
//   - kAlias: a person's surname alone (ستولتنبرغ after ينس ستولتنبرغ), when it names one person
//     (proclitics aside; with an article it does not have, دنيا -> الدنيا, it is a common noun),
//     within 30 sentences of a mention of that person by name when the input names the person
//     (in a long input of many articles, one sentence a line, the word is another article's);
//   - kTitle: a title of two words or more (الرئيس الروسي، وزير الخارجية) that the same input
//     used right before the name of exactly one person. A title with its nationality also when
//     the input used a longer form of it so (الزعيم الكوري for الزعيم الكوري الشمالي: every
//     longer form given to the same person), or else when the request's other inputs did, for
//     a person this input names too; and when no input gives it to anyone, to the one person
//     data/lexicon/title_holders.txt says held it in the article's year (any year without a
//     dateline) whom this input names: «وقال بوتين ... وأضاف الرئيس الروسي».
// Names: the lexicon's canonical and Latin name, else the fullest mention and its Latin: for a
// person, a Korean name's syllables (Jo Chun Ryong), else its given names' Latin from
// data/lexicon/given_names.txt and a romanization of its other words (Imad Abu Al-Rb); for the
// others, the lexicon Latin of parts that make up all its Arabic words (روسيا 1 -> Russia 1);
// else a romanization.
// Salience: mentions weighted by where they stand (headline 3, first paragraph 2, else 1),
// divided by the largest such sum, so the most salient entity has 1.
#ifndef BASIRA_SRC_RESOLVE_RESOLVE_H_
#define BASIRA_SRC_RESOLVE_RESOLVE_H_

#include <unicode/unistr.h>

#include <string>
#include <vector>

#include "basira/result.h"
#include "recognize/recognize.h"

namespace basira::resolve {

// What the resolver needs of one sentence.
struct SentenceMentions {
  int32_t input = 0;
  int32_t sentence = 0;  // index into Result::sentences
  std::vector<recognize::Word> words;
  std::vector<recognize::Candidate> candidates;
};

// A readable Latin romanization of Arabic text (other characters kept), each word capitalized.
std::string Romanize(const std::string& utf8);

// Document-level consistency, before Resolve: a name recognized somewhere in a document (by the
// tagger, a lexicon or a rule) is recognized at its other occurrences in the same document too.
// An occurrence is the same words (the first without its proclitics, keeping its article:
// لأورفان، أورفان) that no candidate marks, or that only shorter candidates inside it mark (كييف
// in دينامو كييف, when the document names the club elsewhere: the longer name replaces them,
// unless they are of its own type and were found inside its words more often than it was found
// whole: مكة in «مكة المكرمة» stays where the tagger once took the epithet in), or
// the words of another form, of as many words or fewer, of a lexicon entry a mention names
// (الليكود alone where the document names حزب الليكود; never a longer form: قطاع غزة). It
// gets the type most of the name's mentions have (none on a tie), and the name's entry and key,
// so Resolve makes it a mention of the same entity. Not where the tagger is confident that no
// name starts (recognize::kConfidentOutside at every word), not on a word with tanween, not on a
// one-word occurrence that is a common word (a stop or function word, a title, a nationality, a
// trigger head, not_names, a single letter), not on a club named by a common word (النصر) in a
// sentence without a word of sport, and not at all for a name the tagger confidently
// calls O at as many other occurrences as it is named (a word used commonly in this document:
// دين "debt" beside a person دين). Datelines are left alone.
void Propagate(const recognize::Recognizer& recognizer,
               const std::vector<icu::UnicodeString>& texts, const std::vector<Sentence>& info,
               std::vector<SentenceMentions>* sentences);

// Fills result->entities from the sentences' candidates. `texts` are the inputs' UTF-16 texts.
void Resolve(const recognize::Recognizer& recognizer, const std::vector<icu::UnicodeString>& texts,
             const std::vector<SentenceMentions>& sentences, Result* result);

}  // namespace basira::resolve

#endif  // BASIRA_SRC_RESOLVE_RESOLVE_H_
