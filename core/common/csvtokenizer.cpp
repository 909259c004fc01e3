#include "csvtokenizer.h"

#include <algorithm>
#include <array>

namespace tideline {

std::size_t bomLength(std::string_view data)
{
    return data.substr(0, 3) == "\xEF\xBB\xBF" ? 3 : 0;
}

CsvTokenizer::CsvTokenizer(std::string_view data, char delimiter)
    : m_data(data)
    , m_delimiter(delimiter)
    , m_pos(bomLength(data))
{
    m_stops[static_cast<unsigned char>(delimiter)] = true;
    m_stops['\n'] = true;
    m_stops['\r'] = true;
}

void CsvTokenizer::endOfLine()
{
    // At '\r' or '\n': consume one line break (CRLF counts once).
    if (m_data[m_pos] == '\r' && m_pos + 1 < m_data.size() && m_data[m_pos + 1] == '\n')
        ++m_pos;
    ++m_pos;
    ++m_line;
}

void CsvTokenizer::skipLine()
{
    while (m_pos < m_data.size() && m_data[m_pos] != '\n' && m_data[m_pos] != '\r')
        ++m_pos;
    if (m_pos < m_data.size())
        endOfLine();
}

void CsvTokenizer::readQuoted(std::size_t &begin, std::size_t &size, bool &scratch)
{
    // m_pos is just after the opening quote. Text stays a view into the input unless a doubled
    // quote or characters after the closing quote force a copy.
    const std::size_t n = m_data.size();
    begin = m_pos;
    std::size_t scratchBegin = 0;
    scratch = false;
    for (;;) {
        const std::size_t quote = m_data.find('"', m_pos);
        const std::size_t stop = quote == std::string_view::npos ? n : quote;
        for (std::size_t i = m_pos; i < stop; ++i) {
            if (m_data[i] == '\n' || (m_data[i] == '\r' && (i + 1 >= n || m_data[i + 1] != '\n')))
                ++m_line;
        }
        if (scratch)
            m_scratch.append(m_data.substr(m_pos, stop - m_pos));
        m_pos = stop;
        if (quote == std::string_view::npos) {
            m_unterminated = true;
            break;
        }
        if (m_pos + 1 < n && m_data[m_pos + 1] == '"') {
            if (!scratch) {
                scratch = true;
                scratchBegin = m_scratch.size();
                m_scratch.append(m_data.substr(begin, m_pos - begin));
            }
            m_scratch.push_back('"');
            m_pos += 2;
            continue;
        }
        ++m_pos; // the closing quote
        break;
    }
    const std::size_t closed = m_pos;
    // Lenient: text between the closing quote and the delimiter is kept (`"ab"c` reads "abc").
    std::size_t tail = m_pos;
    while (tail < n && m_data[tail] != m_delimiter && m_data[tail] != '\n' && m_data[tail] != '\r')
        ++tail;
    if (tail > closed) {
        if (!scratch) {
            scratch = true;
            scratchBegin = m_scratch.size();
            m_scratch.append(m_data.substr(begin, closed - 1 - begin));
        }
        m_scratch.append(m_data.substr(closed, tail - closed));
    }
    m_pos = tail;
    if (scratch) {
        begin = scratchBegin;
        size = m_scratch.size() - scratchBegin;
    } else {
        size = (m_unterminated ? m_pos : m_pos - 1) - begin;
    }
}

bool CsvTokenizer::next()
{
    const std::size_t n = m_data.size();
    for (;;) {
        if (m_pos >= n || m_limit != Limit::None)
            return false;
        m_spans.clear();
        m_scratch.clear();
        m_unterminated = false;
        m_recordStart = m_pos;
        m_recordLine = m_line;
        bool anyQuoted = false;
        for (;;) {
            // Spaces before an opening quote are not part of the field (`a, "b,c"`).
            std::size_t look = m_pos;
            while (look < n && m_data[look] == ' ')
                ++look;
            if (look < n && m_data[look] == '"') {
                m_pos = look + 1;
                anyQuoted = true;
                Span span{false, 0, 0};
                readQuoted(span.begin, span.size, span.scratch);
                m_spans.push_back(span);
            } else {
                const std::size_t begin = m_pos;
                while (m_pos < n && !m_stops[static_cast<unsigned char>(m_data[m_pos])])
                    ++m_pos;
                m_spans.push_back(Span{false, begin, m_pos - begin});
            }
            if (m_pos - m_recordStart > kMaxRecordBytes)
                m_limit = Limit::RecordBytes;
            else if (m_spans.size() >= kMaxFields && m_pos < n && m_data[m_pos] == m_delimiter)
                m_limit = Limit::Fields;
            if (m_limit != Limit::None)
                return false;
            if (m_pos >= n)
                break;
            if (m_data[m_pos] == m_delimiter) {
                ++m_pos;
                if (m_pos >= n) {
                    m_spans.push_back(Span{false, m_pos, 0});
                    break;
                }
                continue;
            }
            endOfLine();
            break;
        }
        const bool blank =
            !anyQuoted && m_spans.size() == 1 &&
            std::all_of(m_data.begin() + std::ptrdiff_t(m_spans[0].begin),
                        m_data.begin() + std::ptrdiff_t(m_spans[0].begin + m_spans[0].size),
                        [](char c) { return c == ' ' || c == '\t'; });
        if (blank)
            continue;
        m_fields.clear();
        for (const Span &span : m_spans) {
            const std::string_view source = span.scratch ? std::string_view(m_scratch) : m_data;
            m_fields.push_back(source.substr(span.begin, span.size));
        }
        return true;
    }
}

char sniffDelimiter(std::string_view head)
{
    constexpr std::array<char, 3> kCandidates{',', ';', '\t'};
    constexpr std::size_t kMaxLines = 20;
    std::vector<std::array<int, 3>> lines;
    std::array<int, 3> current{};
    bool quoted = false;
    bool content = false;
    const auto endLine = [&] {
        if (content)
            lines.push_back(current);
        current.fill(0);
        content = false;
    };
    for (std::size_t i = 0; i < head.size() && lines.size() < kMaxLines; ++i) {
        const char c = head[i];
        if (c == '"') {
            quoted = !quoted;
            content = true;
        } else if (!quoted && (c == '\n' || c == '\r')) {
            endLine();
        } else if (!quoted) {
            for (std::size_t k = 0; k < kCandidates.size(); ++k)
                current[k] += c == kCandidates[k] ? 1 : 0;
            content = content || (c != ' ' && c != '\t') || current[2] > 0;
        }
    }
    if (lines.size() < kMaxLines)
        endLine(); // a last line without a line break
    char best = ',';
    int bestCount = 0;
    bool bestConsistent = false;
    for (std::size_t k = 0; k < kCandidates.size(); ++k) {
        if (lines.empty() || lines.front()[k] == 0)
            continue;
        const int count = lines.front()[k];
        const bool consistent = std::all_of(lines.begin(), lines.end(),
                                            [&](const auto &line) { return line[k] == count; });
        if ((consistent && !bestConsistent) ||
            (consistent == bestConsistent && count > bestCount)) {
            best = kCandidates[k];
            bestCount = count;
            bestConsistent = consistent;
        }
    }
    return best;
}

} // namespace tideline
