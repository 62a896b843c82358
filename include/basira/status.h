// Errors as values. Nothing in basira throws across its API: every fallible call returns a
// Status, and a Status that is not ok() says what went wrong, in which input and where.
#ifndef BASIRA_STATUS_H_
#define BASIRA_STATUS_H_

#include <cstdint>
#include <string>

namespace basira {

enum class ErrorCode {
  kOk = 0,
  kInvalidArgument,  // malformed request: bad options JSON, unknown option, no inputs
  kInvalidUtf8,      // an input is not well-formed UTF-8 (byte_offset says where)
  kBinaryData,       // an input holds a NUL byte, which no text has (byte_offset says where)
  kEmptyInput,       // an input is empty or only whitespace
  kInputTooLarge,    // the inputs together exceed Options::max_bytes
  kCancelled,        // the progress callback asked to stop
  kInternal,         // a resource failed to load (ICU data), never expected in a good build
};

// The stable, snake_case name of a code, as written in the JSON error object.
const char* ErrorCodeName(ErrorCode code);

class Status {
 public:
  Status() = default;
  Status(ErrorCode code, std::string message) : code_(code), message_(std::move(message)) {}

  static Status Ok() { return Status(); }

  bool ok() const { return code_ == ErrorCode::kOk; }
  ErrorCode code() const { return code_; }
  // A sentence a person can act on, naming the input and the limit or offset when there is one.
  const std::string& message() const { return message_; }
  // The index of the input the error is about, or -1 when it is about the request.
  int32_t input() const { return input_; }
  // The byte offset into that input's UTF-8 where the problem starts, or -1.
  int64_t byte_offset() const { return byte_offset_; }

  Status& set_input(int32_t input) {
    input_ = input;
    return *this;
  }
  Status& set_byte_offset(int64_t offset) {
    byte_offset_ = offset;
    return *this;
  }

 private:
  ErrorCode code_ = ErrorCode::kOk;
  std::string message_;
  int32_t input_ = -1;
  int64_t byte_offset_ = -1;
};

}  // namespace basira

#endif  // BASIRA_STATUS_H_
