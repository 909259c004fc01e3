#pragma once

#include <QtGlobal>
#include <map>
#include <set>
#include <unordered_map>
#include <utility>
#include <vector>

namespace tideline {

// The context memory of Smirnov's Contextual Anomaly Detector, open-source edition (CAD OSE,
// github.com/smirmik/CAD, run on NAB as "context_ose"), written anew from its description. A
// step's input is a set of facts (small integers: the bits of a value's level). A context pairs a
// left semi-context (facts of the step before, including "neurons": the contexts that were fully
// active then) with a right one (facts of this step). Each step
//  - records the plain context (all of the last step's facts → all of this step's),
//  - counts the contexts whose left side is fully present (selected) and how many of those have
//    their right side fully present too (active: they predicted this step),
//  - proposes new contexts from the overlaps of partly matching ones, and counts how many of
//    those are really new,
//  - predicts the next step's facts from the contexts that were most often right before.
// Anomaly = (1 − share of selected contexts that were active + share of proposed contexts that
// were new) / 2, reported only when some fact of the step was not predicted.
class ContextOperator
{
public:
    using Facts = std::vector<quint32>; // ascending

    struct Parameters
    {
        int maxLeftFacts = 7;   // the longest left semi-context that new contexts may have
        int activeNeurons = 15; // active contexts carried to the next step as facts
    };

    explicit ContextOperator(const Parameters &parameters);

    // The anomaly of a step's facts (ascending), learning them; in [0, 1].
    double step(const Facts &facts);

private:
    struct Semi
    {
        Facts facts;
        Facts present; // of `facts`, those in the step's (left: the last step's) facts
        std::vector<std::pair<int, int>> contexts; // left only: (right semi, context), in order
    };
    struct Context
    {
        double selected = 0.0; // right-side facts summed over the steps it was selected
        double matched = 0.0;  // ... of which were present
        qint64 active = 0;     // steps it was fully active
        Facts right;
        bool plain = false; // once a whole-step context: may seed new contexts
        quint64 order = 0;  // tie-break among equally often active contexts
    };
    enum Side { Left = 0, Right = 1 };

    // The context of these sides, made if new (`made` says which); its index.
    int contextOf(const Facts &left, const Facts &right, bool &made);
    int semiOf(Side side, const Facts &facts);
    // Marks which facts of each semi-context of `side` are present; the crossed semi-contexts.
    void cross(Side side, const Facts &facts);

    Parameters m_parameters;
    std::vector<Semi> m_semis[2];
    std::map<Facts, int> m_semiIndex[2];
    std::unordered_map<quint32, std::vector<int>> m_factIndex[2];
    std::vector<int> m_crossed[2];
    std::vector<Context> m_contexts;
    Facts m_left;      // the last step's facts and active neurons
    Facts m_predicted; // the facts the last step predicted
};

} // namespace tideline
