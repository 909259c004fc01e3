#pragma once

#include <QtGlobal>
#include <array>
#include <cstddef>
#include <cstdint>
#include <string>
#include <string_view>
#include <vector>

namespace tideline {

// An RFC 4180 reader over bytes already in memory (a mapped file): quoted fields with
// delimiters, doubled quotes and line breaks inside, CRLF / LF / CR line ends, a UTF-8 BOM,
// blank lines skipped. Fields are views into the input (or into a scratch buffer for fields that
// had to be unescaped), valid until the next call to next(): no allocation per field.
class CsvTokenizer
{
public:
    // The largest record (a header or a row, line breaks inside quotes included) and the most
    // fields one may have: a hostile file cannot make the tokenizer hold more than this.
    static constexpr std::size_t kMaxRecordBytes = 4 * 1024 * 1024;
    static constexpr std::size_t kMaxFields = 10'000;
    enum class Limit : std::uint8_t { None, RecordBytes, Fields };

    CsvTokenizer(std::string_view data, char delimiter);

    // Moves to the next record that is not blank; false at the end of the input, or when a
    // record passes a limit (limitReached() says which; line() is where that record starts).
    bool next();
    Limit limitReached() const { return m_limit; }

    const std::vector<std::string_view> &fields() const { return m_fields; }
    // Physical line (1-based) on which the current record starts.
    qint64 line() const { return m_recordLine; }
    // Byte offset at which the current record starts, and the offset after it.
    qint64 recordOffset() const { return qint64(m_recordStart); }
    qint64 position() const { return qint64(m_pos); }
    // The current record ran to the end of the input inside an open quote.
    bool unterminatedQuote() const { return m_unterminated; }

    // Skips the rest of the current physical line (e.g. Excel's "sep=;" hint).
    void skipLine();

private:
    struct Span
    {
        bool scratch;
        std::size_t begin;
        std::size_t size;
    };

    void readQuoted(std::size_t &begin, std::size_t &size, bool &scratch);
    void endOfLine();

    std::string_view m_data;
    char m_delimiter;
    std::array<bool, 256> m_stops{}; // delimiter, CR, LF: one lookup per byte in the hot loop
    std::size_t m_pos = 0;
    std::size_t m_recordStart = 0;
    qint64 m_line = 1;
    qint64 m_recordLine = 0;
    bool m_unterminated = false;
    Limit m_limit = Limit::None;
    std::string m_scratch;
    std::vector<Span> m_spans;
    std::vector<std::string_view> m_fields;
};

// The delimiter (',', ';' or tab) of a table from its first lines: the one that splits the
// lines into the same number of fields (more than one), preferring the most fields; ',' when
// nothing splits. Quoted text is not counted.
char sniffDelimiter(std::string_view head);

// Bytes to skip at the start: the UTF-8 byte-order mark, if any.
std::size_t bomLength(std::string_view data);

} // namespace tideline
