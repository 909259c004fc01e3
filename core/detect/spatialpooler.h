#pragma once

#include <QtGlobal>
#include <vector>

namespace tideline {

// The spatial pooler of Hierarchical Temporal Memory (Cui, Ahmad & Hawkins, "The HTM Spatial
// Pooler", Frontiers in Computational Neuroscience 2017), with global inhibition and no
// boosting, as Numenta ran it on NAB: each column has proximal synapses to a random share of
// the input bits; the columns with the most connected synapses on active bits win, and the
// winners' synapses move towards the input (Hebbian learning).
class SpatialPooler
{
public:
    struct Parameters
    {
        int columns = 2048;
        int activeColumns = 40;
        double potentialShare = 0.8;
        float connected = 0.2f;
        float increment = 0.003f;
        float decrement = 0.0005f;
    };

    SpatialPooler(int inputs, const Parameters &parameters, quint64 seed);

    // The active columns for these active input bits (ascending; duplicates allowed in
    // `inputBits`), learning from them when `learn` is set.
    const std::vector<int> &compute(const std::vector<int> &inputBits, bool learn);
    int columns() const { return m_parameters.columns; }

private:
    Parameters m_parameters;
    int m_inputs;
    // Column-major permanences, columns × inputs, -1 where the input is outside the column's
    // potential pool: learning walks a winner's synapses contiguously. Overlaps read the
    // input-major copy of which synapses are connected, one row per active input; learning
    // updates it only where a synapse crosses the threshold.
    std::vector<float> m_permanence;
    std::vector<quint8> m_connected;
    std::vector<float> m_tieBreak; // tiny per-column offsets: equal overlaps resolve by seed
    std::vector<int> m_overlap;
    std::vector<float> m_rank;
    std::vector<int> m_order;
    std::vector<int> m_active;
    std::vector<char> m_inputActive;
    std::vector<float> m_delta; // per input: this step's permanence change for winners
};

} // namespace tideline
