#include "spatialpooler.h"

#include "common/portablerandom.h"

#include <algorithm>
#include <numeric>

namespace tideline {

SpatialPooler::SpatialPooler(int inputs, const Parameters &parameters, quint64 seed)
    : m_parameters(parameters)
    , m_inputs(std::max(1, inputs))
{
    const int columns = std::max(1, m_parameters.columns);
    m_parameters.columns = columns;
    m_parameters.activeColumns = std::clamp(m_parameters.activeColumns, 1, columns);
    PortableRandom random(seed);
    m_permanence.assign(std::size_t(m_inputs) * std::size_t(columns), -1.0f);
    m_connected.assign(std::size_t(m_inputs) * std::size_t(columns), 0);
    // As in Numenta's pooler: half the potential synapses start connected, spread above the
    // threshold, the others spread below it.
    for (int c = 0; c < columns; ++c) {
        for (int i = 0; i < m_inputs; ++i) {
            if (!random.chance(m_parameters.potentialShare))
                continue;
            const float threshold = m_parameters.connected;
            const float p = random.chance(0.5)
                                ? threshold + (1.0f - threshold) * float(random.uniform())
                                : threshold * float(random.uniform());
            m_permanence[std::size_t(c) * std::size_t(m_inputs) + std::size_t(i)] = p;
            m_connected[std::size_t(i) * std::size_t(columns) + std::size_t(c)] =
                p >= threshold ? 1 : 0;
        }
    }
    m_tieBreak.resize(std::size_t(columns));
    for (float &t : m_tieBreak)
        t = 0.01f * float(random.uniform());
    m_overlap.resize(std::size_t(columns));
    m_rank.resize(std::size_t(columns));
    m_order.resize(std::size_t(columns));
    m_inputActive.assign(std::size_t(m_inputs), 0);
    m_delta.resize(std::size_t(m_inputs));
}

const std::vector<int> &SpatialPooler::compute(const std::vector<int> &inputBits, bool learn)
{
    const int columns = m_parameters.columns;
    const float threshold = m_parameters.connected;
    std::fill(m_inputActive.begin(), m_inputActive.end(), 0);
    for (int bit : inputBits) {
        if (bit >= 0 && bit < m_inputs)
            m_inputActive[std::size_t(bit)] = 1;
    }
    std::fill(m_overlap.begin(), m_overlap.end(), 0);
    int *overlap = m_overlap.data();
    for (int i = 0; i < m_inputs; ++i) {
        if (!m_inputActive[std::size_t(i)])
            continue;
        const quint8 *row = m_connected.data() + std::size_t(i) * std::size_t(columns);
        for (int c = 0; c < columns; ++c)
            overlap[c] += row[c];
    }
    for (int c = 0; c < columns; ++c)
        m_rank[std::size_t(c)] = float(overlap[c]) + m_tieBreak[std::size_t(c)];
    std::iota(m_order.begin(), m_order.end(), 0);
    const auto winners = m_order.begin() + m_parameters.activeColumns;
    std::nth_element(m_order.begin(), winners - 1, m_order.end(), [&](int a, int b) {
        return m_rank[std::size_t(a)] > m_rank[std::size_t(b)] ||
               (m_rank[std::size_t(a)] == m_rank[std::size_t(b)] && a < b);
    });
    m_active.assign(m_order.begin(), winners);
    std::sort(m_active.begin(), m_active.end());

    if (learn) {
        // Branch-free updates (they vectorise); the rare synapses that crossed the threshold
        // are then found by comparing with the connected copy.
        for (int i = 0; i < m_inputs; ++i)
            m_delta[std::size_t(i)] =
                m_inputActive[std::size_t(i)] ? m_parameters.increment : -m_parameters.decrement;
        const float *delta = m_delta.data();
        for (int c : m_active) {
            float *p = m_permanence.data() + std::size_t(c) * std::size_t(m_inputs);
            int crossed = 0;
            for (int i = 0; i < m_inputs; ++i) {
                const float old = p[i];
                const float updated = std::clamp(old + delta[i], 0.0f, 1.0f);
                const float now = old < 0.0f ? old : updated;
                crossed |= int(old >= threshold) ^ int(now >= threshold);
                p[i] = now;
            }
            if (!crossed)
                continue;
            for (int i = 0; i < m_inputs; ++i) {
                quint8 &connected =
                    m_connected[std::size_t(i) * std::size_t(columns) + std::size_t(c)];
                connected = p[i] >= threshold ? 1 : 0;
            }
        }
    }
    return m_active;
}

} // namespace tideline
