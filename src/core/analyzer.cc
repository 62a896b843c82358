// The pipeline: ingest every input (all or nothing), then per input structure -> segment, and per
// sentence clitics, entity mentions and facts (dates, numbers); then entities are resolved,
// quotes attributed, summaries made over all inputs, and the story's timeline and compared
// figures drawn. Each stage reads the plain values the
// previous one produced.
#include "basira/analyzer.h"

#include <string>
#include <utility>

#include "clitics/clitics.h"
#include "facts/facts.h"
#include "icu/icu_data.h"
#include "ingest/ingest.h"
#include "normalize/normalize.h"
#include "quotes/quotes.h"
#include "recognize/recognize.h"
#include "resolve/resolve.h"
#include "segment/segment.h"
#include "story/story.h"
#include "structure/structure.h"
#include "summarize/summarize.h"
#include "table/table.h"
#include "tagger/ner_data.h"
#include "tagger/tagger.h"

// Defined by the generated basira_ner_model.cc (data/models/ner.model).
extern "C" const unsigned char basira_ner_model[];
extern "C" const size_t basira_ner_model_size;

namespace basira {
namespace {

// Reports progress in steps of about this many UTF-16 units, so the callback stays cheap.
constexpr int64_t kProgressStep = 1 << 16;

std::string WithThousands(int64_t n) {
  std::string digits = std::to_string(n);
  std::string out;
  for (size_t i = 0; i < digits.size(); ++i) {
    if (i > 0 && (digits.size() - i) % 3 == 0) out += ',';
    out += digits[i];
  }
  return out;
}

class ProgressReporter {
 public:
  ProgressReporter(const ProgressCallback& callback, int64_t total)
      : callback_(callback), total_(total) {}
  // Returns false when the caller asked to stop.
  bool Report(const char* stage, int64_t done, bool force = false) {
    if (!callback_) return true;
    if (!force && done - last_ < kProgressStep) return true;
    last_ = done;
    return callback_(Progress{stage, done, total_});
  }

 private:
  const ProgressCallback& callback_;
  int64_t total_;
  int64_t last_ = 0;
};

}  // namespace

const char* Version() { return "0.1.0"; }

const char* ErrorCodeName(ErrorCode code) {
  switch (code) {
    case ErrorCode::kOk:
      return "ok";
    case ErrorCode::kInvalidArgument:
      return "invalid_argument";
    case ErrorCode::kInvalidUtf8:
      return "invalid_utf8";
    case ErrorCode::kBinaryData:
      return "binary_data";
    case ErrorCode::kEmptyInput:
      return "empty_input";
    case ErrorCode::kInputTooLarge:
      return "input_too_large";
    case ErrorCode::kCancelled:
      return "cancelled";
    case ErrorCode::kInternal:
      return "internal";
  }
  return "internal";
}

const char* BlockKindName(BlockKind kind) {
  switch (kind) {
    case BlockKind::kHeadline:
      return "headline";
    case BlockKind::kSubheadline:
      return "subheadline";
    case BlockKind::kSection:
      return "section";
    case BlockKind::kByline:
      return "byline";
    case BlockKind::kDateline:
      return "dateline";
    case BlockKind::kCaption:
      return "caption";
    case BlockKind::kHeading:
      return "heading";
    case BlockKind::kParagraph:
      return "paragraph";
  }
  return "paragraph";
}

const char* NoiseKindName(NoiseKind kind) {
  switch (kind) {
    case NoiseKind::kDuplicate:
      return "duplicate";
    case NoiseKind::kInterface:
      return "interface";
    case NoiseKind::kRelated:
      return "related";
    case NoiseKind::kSeparator:
      return "separator";
  }
  return "interface";
}

const char* EntityTypeName(EntityType type) {
  switch (type) {
    case EntityType::kPerson:
      return "PER";
    case EntityType::kLocation:
      return "LOC";
    case EntityType::kOrganization:
      return "ORG";
    case EntityType::kMisc:
      return "MISC";
  }
  return "MISC";
}

const char* QuoteKindName(QuoteKind kind) {
  return kind == QuoteKind::kIndirect ? "indirect" : "direct";
}

const char* MentionKindName(MentionKind kind) {
  switch (kind) {
    case MentionKind::kName:
      return "name";
    case MentionKind::kAlias:
      return "alias";
    case MentionKind::kTitle:
      return "title";
  }
  return "name";
}

const char* DateTypeName(DateType type) {
  switch (type) {
    case DateType::kDate:
      return "DATE";
    case DateType::kTime:
      return "TIME";
    case DateType::kDuration:
      return "DURATION";
  }
  return "DATE";
}

const char* NumberKindName(NumberKind kind) {
  switch (kind) {
    case NumberKind::kCardinal:
      return "cardinal";
    case NumberKind::kOrdinal:
      return "ordinal";
    case NumberKind::kMoney:
      return "money";
    case NumberKind::kPercent:
      return "percent";
    case NumberKind::kMeasure:
      return "measure";
    case NumberKind::kDuration:
      return "duration";
  }
  return "cardinal";
}

const char* TokenKindName(TokenKind kind) {
  switch (kind) {
    case TokenKind::kWord:
      return "word";
    case TokenKind::kNumber:
      return "number";
    case TokenKind::kPunctuation:
      return "punct";
    case TokenKind::kSymbol:
      return "symbol";
  }
  return "word";
}

namespace {

// The clitic analysis, the recognizer's word and the tagger's token of every word form of one
// request, each made once: news repeats its words, and all three depend on the token's text
// alone (the text is well-formed UTF-16: ingest refuses lone surrogates, and no token boundary
// falls inside a pair). They are kept with spans relative to the token, for at most kMaxForms forms
// of at most kMaxFormUnits UTF-16 units each, so memory stays bounded on a huge or hostile input
// (other forms are made each time; real words are far shorter).
class WordForms {
 public:
  struct Made {
    clitics::Analysis analysis;
    recognize::Word word;      // with its heads marked
    tagger::TokenInput token;  // before the gazetteer and the word classes annotate it
  };
  static constexpr size_t kMaxForms = size_t{1} << 13;
  static constexpr int32_t kMaxFormUnits = 32;

  WordForms(const clitics::CliticAnalyzer& clitics, const recognize::Recognizer& recognizer)
      : clitics_(clitics), recognizer_(recognizer) {}

  // Appends the word token text[span]'s word to `words` and its tagger token to `tokens`, made
  // or remembered (one copy each); `analysis`, when given, receives its clitic analysis.
  void Append(const icu::UnicodeString& text, Span span, std::vector<recognize::Word>* words,
              std::vector<tagger::TokenInput>* tokens, clitics::Analysis* analysis) {
    const std::u16string_view form(text.getBuffer() + span.start, span.length());
    if (const uint32_t* i = index_.Find(form)) {
      const Made& seen = seen_[*i];
      words->push_back(seen.word);
      recognize::Shift(&words->back(), span.start);
      tokens->push_back(seen.token);
      tagger::Shift(&tokens->back(), span.start);
      if (analysis != nullptr) {
        *analysis = seen.analysis;
        clitics::Shift(analysis, span.start);
      }
      return;
    }
    keys_.Assign(text, span);
    Made made;
    made.analysis = clitics_.Analyze(text, span, &keys_);
    made.word = recognize::MakeWord(text, keys_, made.analysis);
    recognizer_.MarkHeads(&made.word);
    made.token = tagger::MakeTokenInput(keys_, TokenKind::kWord, made.analysis);
    if (seen_.size() < kMaxForms && span.length() <= kMaxFormUnits) {
      index_.Insert(form, static_cast<uint32_t>(seen_.size()));
      seen_.push_back(made);
      Shift(&seen_.back(), -span.start);
    }
    words->push_back(std::move(made.word));
    tokens->push_back(std::move(made.token));
    if (analysis != nullptr) *analysis = std::move(made.analysis);
  }

  // Frees every remembered form (the stages after tokenization need the memory more).
  void Release() {
    index_ = table::KeyMap<uint32_t>();
    std::vector<Made>().swap(seen_);
  }

 private:
  static void Shift(Made* m, int32_t by) {
    clitics::Shift(&m->analysis, by);
    recognize::Shift(&m->word, by);
    tagger::Shift(&m->token, by);
  }

  const clitics::CliticAnalyzer& clitics_;
  const recognize::Recognizer& recognizer_;
  normalize::MatchKeys keys_;      // reused token to token
  table::KeyMap<uint32_t> index_;  // a form's text -> seen_
  std::vector<Made> seen_;
};

}  // namespace

struct Analyzer::Impl {
  std::unique_ptr<segment::Segmenter> segmenter;
  std::unique_ptr<structure::Structurer> structurer;
  std::unique_ptr<clitics::CliticAnalyzer> clitics;
  std::unique_ptr<recognize::Recognizer> recognizer;
  std::unique_ptr<summarize::Summarizer> summarizer;
  std::unique_ptr<facts::Extractor> facts;
  tagger::Tagger ner;
  tagger::Gazetteer gazetteer;    // the lexicons as the tagger's features
  tagger::WordClusters clusters;  // word classes from unlabeled text, the tagger's features
};

Analyzer::Analyzer(std::unique_ptr<Impl> impl) : impl_(std::move(impl)) {}
Analyzer::~Analyzer() = default;

Status Analyzer::Create(std::unique_ptr<Analyzer>* analyzer) { return Make(analyzer, nullptr); }

Status Analyzer::Create(std::unique_ptr<Analyzer>* analyzer, const std::string& ner_model) {
  return Make(analyzer, &ner_model);
}

Status Analyzer::Make(std::unique_ptr<Analyzer>* analyzer, const std::string* ner_model) {
  Status status = icu_data::Load();
  if (!status.ok()) return status;
  auto impl = std::make_unique<Impl>();
  status = segment::Segmenter::Create(&impl->segmenter);
  if (!status.ok()) return status;
  status = structure::Structurer::Create(&impl->structurer);
  if (!status.ok()) return status;
  status = clitics::CliticAnalyzer::Create(&impl->clitics);
  if (!status.ok()) return status;
  status = recognize::Recognizer::Create(&impl->recognizer);
  if (!status.ok()) return status;
  status = summarize::Summarizer::Create(&impl->summarizer);
  if (!status.ok()) return status;
  status = facts::Extractor::Create(&impl->facts);
  if (!status.ok()) return status;
  if (ner_model == nullptr) {
    status = impl->ner.Load(basira_ner_model, basira_ner_model_size);
    if (!status.ok()) {
      return Status(ErrorCode::kInternal, "cannot load the entity model: " + status.message());
    }
  } else {
    status = impl->ner.Load(reinterpret_cast<const uint8_t*>(ner_model->data()), ner_model->size());
    if (!status.ok()) {
      return Status(ErrorCode::kInvalidArgument,
                    "cannot load the given entity model: " + status.message());
    }
  }
  tagger::LoadAnalyzerGazetteer(&impl->gazetteer);
  tagger::LoadAnalyzerClusters(&impl->clusters);
  analyzer->reset(new Analyzer(std::move(impl)));
  return Status::Ok();
}

Status Analyzer::Analyze(const std::vector<Input>& inputs, const Options& options,
                         Result* result) const {
  *result = Result();
  if (inputs.empty()) return Status(ErrorCode::kInvalidArgument, "no input given");
  if (options.max_bytes <= 0) {
    return Status(ErrorCode::kInvalidArgument, "max_bytes must be positive");
  }
  int64_t total_bytes = 0;
  for (const Input& input : inputs) total_bytes += static_cast<int64_t>(input.text.size());
  if (total_bytes > options.max_bytes) {
    std::string limit = WithThousands(options.max_bytes) + " bytes";
    if (options.max_bytes >= (1 << 20)) {
      limit += " (" + std::to_string(options.max_bytes >> 20) + " MiB)";
    }
    return Status(ErrorCode::kInputTooLarge, "the input holds " + WithThousands(total_bytes) +
                                                 " bytes; the limit is " + limit);
  }

  // Ingest all inputs first: a bad input fails the request before any work is done.
  std::vector<icu::UnicodeString> texts(inputs.size());
  int64_t total_units = 0;
  for (size_t i = 0; i < inputs.size(); ++i) {
    Status status =
        ingest::Ingest(static_cast<int32_t>(i), inputs[i].name, inputs[i].text, &texts[i]);
    if (!status.ok()) return status;
    total_units += texts[i].length();
  }

  Result out;
  ProgressReporter progress(options.progress, total_units);
  if (!progress.Report("start", 0, /*force=*/true)) {
    return Status(ErrorCode::kCancelled, "analysis cancelled");
  }
  segment::Segmenter::Session session(*impl_->segmenter);
  summarize::Collector collector(*impl_->summarizer);
  std::vector<Span> sentence_spans;
  std::vector<resolve::SentenceMentions> sentence_mentions;
  std::vector<tagger::TokenInput> tagger_tokens;
  std::vector<int32_t> words_through;  // per token: how many word tokens up to and including it
  normalize::MatchKeys keys;  // a token's that is no word, its memory reused token to token
  WordForms forms(*impl_->clitics, *impl_->recognizer);  // the request's word forms
  std::vector<recognize::Candidate> statistical;
  std::vector<float> outside;  // per token: the tagger's confidence that no name starts there
  std::vector<segment::TokenSpan> token_spans;
  int64_t done_before = 0;
  for (size_t i = 0; i < inputs.size(); ++i) {
    const auto input = static_cast<int32_t>(i);
    const icu::UnicodeString& text = texts[i];
    out.inputs.push_back(
        InputInfo{inputs[i].name, static_cast<int64_t>(inputs[i].text.size()), text.length()});
    structure::Structure structure = impl_->structurer->Analyze(text);
    for (Noise& noise : structure.noise) {
      noise.input = input;
      out.noise.push_back(noise);
    }
    for (Document& doc : structure.documents) {
      doc.input = input;
      const auto document = static_cast<int32_t>(out.documents.size());
      for (const Block& block : doc.blocks) {
        // Headlines, captions, bylines and the like are one sentence each, punctuated or not.
        sentence_spans.clear();
        if (block.kind == BlockKind::kParagraph) {
          session.Sentences(text, block.span, &sentence_spans);
        } else {
          sentence_spans.push_back(block.span);
        }
        for (const Span& s : sentence_spans) {
          const auto sentence = static_cast<int32_t>(out.sentences.size());
          out.sentences.push_back(Sentence{input, document, s, block.kind});
          token_spans.clear();
          session.Tokens(text, s, &token_spans);
          out.stats.tokens += static_cast<int64_t>(token_spans.size());
          resolve::SentenceMentions mentions;
          mentions.input = input;
          mentions.sentence = sentence;
          tagger_tokens.clear();
          words_through.clear();
          mentions.words.reserve(token_spans.size());
          for (const segment::TokenSpan& t : token_spans) {
            if (t.kind == TokenKind::kWord || t.kind == TokenKind::kNumber) ++out.stats.words;
            clitics::Analysis a;
            if (t.kind == TokenKind::kWord) {
              forms.Append(text, t.span, &mentions.words, &tagger_tokens,
                           options.tokens ? &a : nullptr);
            } else {
              keys.Assign(text, t.span);
              tagger_tokens.push_back(tagger::MakeTokenInput(keys, t.kind, a));
            }
            words_through.push_back(static_cast<int32_t>(mentions.words.size()));
            if (options.tokens) {
              Token token{input, sentence, t.span, t.kind, t.span, {}, {}};
              if (t.kind == TokenKind::kWord) {
                token.stem = a.stem;
                token.proclitics = std::move(a.proclitics);
                token.enclitics = std::move(a.enclitics);
              }
              out.tokens.push_back(std::move(token));
            }
          }
          // Names are looked for in every block but the dateline (a date, never a name): lexicon
          // names first, then the tagger's where none stands, then context rules.
          if (block.kind != BlockKind::kDateline) {
            statistical.clear();
            impl_->gazetteer.Annotate(&tagger_tokens);
            impl_->clusters.Annotate(&tagger_tokens);
            const std::vector<int> labels = impl_->ner.Tag(tagger_tokens, &outside);
            for (size_t k = 0; k < tagger_tokens.size(); ++k) {
              if (tagger_tokens[k].kind == TokenKind::kWord) {
                mentions.words[words_through[k] - 1].outside = outside[k];
              }
            }
            for (const tagger::Mention& m : tagger::Mentions(tagger_tokens, labels)) {
              recognize::Candidate c;
              c.span = m.span;
              c.type = static_cast<EntityType>(m.type);
              c.first_word = m.first_token == 0 ? 0 : words_through[m.first_token - 1];
              c.end_word = words_through[m.last_token];
              for (int32_t w = c.first_word; w < c.end_word; ++w) {
                if (w > c.first_word) c.key += u' ';
                c.key += mentions.words[w].key;
              }
              if (c.end_word > c.first_word) statistical.push_back(std::move(c));
            }
            impl_->recognizer->Recognize(text, mentions.words, statistical, &mentions.candidates);
            if (block.kind == BlockKind::kByline) {
              impl_->recognizer->BylineAuthors(text, mentions.words, &mentions.candidates);
            } else if (const size_t end =
                           impl_->recognizer->InlineBylineEnd(text, mentions.words)) {
              // A paragraph that opens with its byline (كتب ـ خليفة أدهم : ...).
              impl_->recognizer->BylineAuthors(text, mentions.words, &mentions.candidates, end);
            }
          }
          collector.AddSentence(text, s, mentions.words);
          // Dates and numbers, relative dates resolved against the article's dateline.
          impl_->facts->Extract(text, s, input, sentence,
                                doc.has_dateline ? &doc.dateline : nullptr, &out.dates,
                                &out.numbers);
          if (!mentions.candidates.empty() || !mentions.words.empty()) {
            sentence_mentions.push_back(std::move(mentions));
          }
          if (!progress.Report("analyze", done_before + s.end)) {
            return Status(ErrorCode::kCancelled, "analysis cancelled");
          }
        }
      }
      out.documents.push_back(std::move(doc));
    }
    done_before += text.length();
  }
  forms.Release();
  resolve::Propagate(*impl_->recognizer, texts, out.sentences, &sentence_mentions);
  resolve::Resolve(*impl_->recognizer, texts, sentence_mentions, &out);
  quotes::Find(texts, sentence_mentions, &out);
  const summarize::Model model(collector, out);
  model.Summarize(options.summary, &out);
  story::Build(model, &out);
  if (!progress.Report("done", total_units, /*force=*/true)) {
    return Status(ErrorCode::kCancelled, "analysis cancelled");
  }
  *result = std::move(out);
  return Status::Ok();
}

}  // namespace basira
