// story: what several articles on one story say about when and how many. Runs last, on the
// dates and numbers of src/facts, the sources and quotes of src/quotes and the sentence vectors
// and groups of src/summarize.
//
// What the stage guarantees:
//   - timeline (one document or more): an event is a DATE or TIME mention with an absolute ISO
//     value (a year first: "2023", "2023-09", "2023-W36", "2023-09-13", "2023-09-13T23:38"; a
//     relative date counts once a dateline resolved it; durations, "XXXX-..." values and times
//     alone do not) in a sentence of a paragraph block (never a headline, subheadline, section,
//     byline, dateline, caption or heading). One event per (value, sentence group): sentences
//     of different documents that summarize groups together, or whose cosine is at least
//     kSameEventCosine while they give the same value, are one event; two dates of one sentence
//     with the same value are one event. The representative is the event's earliest sentence
//     (input, then text order) and its first date mention with that value. Events are sorted
//     chronologically: a coarser period after the finer dates inside it (2023-09-13 before
//     2023-W37 before 2023-09 before 2023), ties by input, sentence and date position. An event's
//     other_dates are the dates (durations aside) of its sentences that do not give its value:
//     another outlet dating the same report differently, or a relative date no dateline resolved;
//   - figures (two documents or more): numbers that count something are compared across
//     documents by a key: a cardinal by its counted noun (the match key without ال, singular
//     through a small plural table and the -ات rule: قذائف and قذيفة match), money by its
//     currency, a measure by its unit, percentages together. Money, measures and percentages
//     name no counted thing, so two of them are compared only when their sentences are in one
//     summarize group or their cosine is at least kRelatedCosine. Ordinals, durations, bare
//     cardinals and duals (مرتين: the noun is the number) are never compared. A figure is
//     reported when at least two documents give a value and the values differ, or agree while
//     two documents cite different, non-empty sets of sources (entities cited or quoted in the
//     value's sentence). Values are listed in document and text order; figures by their first
//     value's position. Captions, bylines, datelines and sections give no values.
// Cost: linear in the dates and numbers; comparisons are capped per value (kMaxCompared) and
// per key (kMaxFigureValues). Dates are ordered on integers, so native and wasm agree.
#ifndef BASIRA_SRC_STORY_STORY_H_
#define BASIRA_SRC_STORY_STORY_H_

#include <string>

#include "basira/result.h"
#include "summarize/summarize.h"

namespace basira::story {

inline constexpr double kSameEventCosine = 0.3;
inline constexpr double kRelatedCosine = 0.2;
inline constexpr int kMaxCompared = 32;
inline constexpr int kMaxFigureValues = 64;

// The singular match key of a counted noun as written (قذائف → قذيفه, الحاويات → حاويه).
std::u16string CountedKey(const std::string& unit);

// Fills result->story.timeline and result->story.figures. `model` was built on `*result`.
void Build(const summarize::Model& model, Result* result);

}  // namespace basira::story

#endif  // BASIRA_SRC_STORY_STORY_H_
