// quotes: who said what, and which outlets a text cites. Runs after resolve, on the sentences'
// words and the resolved entities.
//
// What the stage guarantees:
//   - every direct quote is the text between a pair of quotation marks (« » “ ” and straight ")
//     on one line, or what follows a reporting verb's colon to the end of its sentence; its span
//     excludes the marks, the colon and the final full stop, and never crosses a line break; a
//     pair may mix styles (“...» or «...”) when the opener has no closer of its own on its line;
//   - a quoted run of one or two words with no reporting verb beside it is a title or a name
//     («روسيا 1»), not a quote, and is not reported;
//   - an indirect quote is what follows إن/أن after a reporting verb (قال بوتين إن ...) to the
//     end of its sentence, in a sentence that holds no direct quote; إن stands within 8 words of
//     the verb, or 20 when a person set off by a comma follows the verb (وقال فلان، الذي ...، إن)
//     or قوله comes between (ونقلت وسائل إعلام عن فلان، قوله إن); beyond 8 words only إن, or
//     أن right after a comma, not another أن (another verb's object: وطلب منه أن);
//   - a quote's speaker is the entity named after عن (and at most its title) right before قوله /
//     قولها (نقلت الوكالة عن فلان قوله: the outlet only carries the words; with no name there,
//     نقلت عن مسؤولين أوروبيين قولهم, those words describe the speaker), else the entity named
//     between the reporting verb and the quote, or a head noun in ال right after the verb that
//     refers back to the organization the same article named with it (وقالت الوكالة after وكالة
//     «رويترز»; a body's or an outlet's head: الوكالة، الوزارة ...), or a title that refers back
//     to the person it named (وأكد الوزير after وزير الخارجية سيرغي لافروف), or just
//     before the verb (بوتين قال; not before a word that opens a clause of its own: فاز الهلال
//     ...، بينما قال المعلق إن), or after a quote that ends in «...»، قال فلان; with no name
//     and a verb that has no subject of its own (وأضاف: «...»), the previous quote's speaker of
//     the same input carries over (Quote::inherited), named or described (its words then carry
//     over in speaker_span), but a described one only when no person is named between the two
//     quotes (then the last named speaker does); not onto a verb with a subject of its own
//     before it (وكانت البلدية قد أعلنت أن: a definite noun, unless the verb is a participle such
//     as قائلاً). A described speaker with no entity (قال مسؤول روسي) keeps its words in
//     Quote::speaker_span; a day or a pronoun after the verb (اعتبرت الخميس أن، قال فيها)
//     describes no one. A quotation of four words or more with no reporting verb within 20 words
//     goes on the speech its sentence opened further back (وأشار لافروف إلى أن ...، لكن «...»): the
//     closest reporting verb before it, when that verb has إن/أن within 8 words and no quotation
//     mark stands between;
//   - whom the speaker tells (قال للصحفيين، وأضاف لقناة روسيا 1، قال لرويترز) is never the speaker
//     nor part of a described one, except where an outlet noun after a title may be the title's
//     body (المدير التنفيذي لموقع ...): then it stays; آن (a name) opens no indirect speech;
//   - a source is an entity a cue cites (بحسب، حسب، وفقاً لـ، نقلاً عن، ذكرت/قالت/أفادت/نقلت +
//     an organization) or an organization quoted as a speaker; sources are counted per entity
//     across all inputs, most cited first, each citation listed once.
// Quotes are in input order, then text order.
#ifndef BASIRA_SRC_QUOTES_QUOTES_H_
#define BASIRA_SRC_QUOTES_QUOTES_H_

#include <unicode/unistr.h>

#include <vector>

#include "basira/result.h"
#include "resolve/resolve.h"

namespace basira::quotes {

// Fills result->quotes and result->sources. `sentences` are the resolver's (with the words of
// every sentence); result->sentences and result->entities must be filled.
void Find(const std::vector<icu::UnicodeString>& texts,
          const std::vector<resolve::SentenceMentions>& sentences, Result* result);

}  // namespace basira::quotes

#endif  // BASIRA_SRC_QUOTES_QUOTES_H_
