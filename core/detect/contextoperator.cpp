#include "contextoperator.h"

#include <algorithm>

namespace tideline {

namespace {

// Neurons are facts too, above every sensor fact.
constexpr quint32 kNeuronBase = 0x80000000u;

quint64 mix(quint64 x)
{
    x += 0x9e3779b97f4a7c15ULL;
    x = (x ^ (x >> 30)) * 0xbf58476d1ce4e5b9ULL;
    x = (x ^ (x >> 27)) * 0x94d049bb133111ebULL;
    return x ^ (x >> 31);
}

quint64 hashOf(const ContextOperator::Facts &left, const ContextOperator::Facts &right)
{
    quint64 h = 0;
    for (quint32 f : left)
        h = mix(h ^ f);
    h = mix(h ^ 0xffffffffffULL);
    for (quint32 f : right)
        h = mix(h ^ f);
    return h;
}

} // namespace

ContextOperator::ContextOperator(const Parameters &parameters)
    : m_parameters(parameters)
{}

int ContextOperator::semiOf(Side side, const Facts &facts)
{
    const auto [at, made] = m_semiIndex[side].emplace(facts, int(m_semis[side].size()));
    if (made) {
        m_semis[side].push_back(Semi{facts, {}, {}});
        for (quint32 f : facts)
            m_factIndex[side][f].push_back(at->second);
    }
    return at->second;
}

int ContextOperator::contextOf(const Facts &left, const Facts &right, bool &made)
{
    const int l = semiOf(Left, left);
    const int r = semiOf(Right, right);
    auto &pairs = m_semis[Left][std::size_t(l)].contexts;
    const auto found = std::find_if(pairs.begin(), pairs.end(),
                                    [r](const std::pair<int, int> &p) { return p.first == r; });
    made = found == pairs.end();
    if (!made)
        return found->second;
    const int id = int(m_contexts.size());
    pairs.emplace_back(r, id);
    Context context;
    context.right = right;
    context.order = hashOf(left, right);
    m_contexts.push_back(std::move(context));
    return id;
}

void ContextOperator::cross(Side side, const Facts &facts)
{
    for (int s : m_crossed[side])
        m_semis[side][std::size_t(s)].present.clear();
    m_crossed[side].clear();
    for (quint32 f : facts) {
        const auto found = m_factIndex[side].find(f);
        if (found == m_factIndex[side].end())
            continue;
        for (int s : found->second) {
            Facts &present = m_semis[side][std::size_t(s)].present;
            if (present.empty())
                m_crossed[side].push_back(s);
            present.push_back(f);
        }
    }
}

double ContextOperator::step(const Facts &facts)
{
    const bool surprise = std::any_of(facts.begin(), facts.end(), [&](quint32 f) {
        return !std::binary_search(m_predicted.begin(), m_predicted.end(), f);
    });

    // The plain context of the whole last step and this one.
    std::set<std::pair<Facts, Facts>> proposed;
    bool plainIsNew = false;
    int plainId = -1;
    if (!m_left.empty() && !facts.empty()) {
        proposed.emplace(m_left, facts);
        plainId = contextOf(m_left, facts, plainIsNew);
        m_contexts[std::size_t(plainId)].plain = true;
    }

    // Which contexts this step selects and activates, and which overlaps could be new contexts.
    cross(Right, facts);
    std::vector<std::pair<Facts, Facts>> candidates;
    std::vector<int> active;
    qint64 selected = 0;
    for (int l : m_crossed[Left]) {
        const Semi &left = m_semis[Left][std::size_t(l)];
        const bool whole = left.present.size() == left.facts.size();
        for (const auto &[r, id] : left.contexts) {
            if (plainIsNew && id == plainId)
                continue;
            Context &context = m_contexts[std::size_t(id)];
            const Semi &right = m_semis[Right][std::size_t(r)];
            const bool seeds = context.plain && plainIsNew && !right.present.empty() &&
                               int(left.present.size()) <= m_parameters.maxLeftFacts;
            if (whole) {
                ++selected;
                context.selected += double(right.facts.size());
                context.matched += double(right.present.size());
                if (!right.present.empty() && right.present.size() == right.facts.size()) {
                    ++context.active;
                    active.push_back(id);
                    continue;
                }
            }
            if (seeds)
                candidates.emplace_back(left.present, right.present);
        }
    }
    const double unpredicted = selected > 0 ? 1.0 - double(active.size()) / double(selected) : 1.0;
    proposed.insert(candidates.begin(), candidates.end());

    // The most often active contexts become facts of the next step's left side.
    std::sort(active.begin(), active.end(), [&](int a, int b) {
        const Context &x = m_contexts[std::size_t(a)];
        const Context &y = m_contexts[std::size_t(b)];
        return x.active != y.active ? x.active > y.active : x.order > y.order;
    });
    if (int(active.size()) > m_parameters.activeNeurons)
        active.resize(std::size_t(m_parameters.activeNeurons));
    Facts left = facts;
    for (int id : active)
        left.push_back(kNeuronBase + quint32(id));
    std::sort(left.begin(), left.end());
    m_left = std::move(left);

    int made = plainIsNew ? 1 : 0;
    for (const auto &[l, r] : candidates) {
        bool isNew = false;
        contextOf(l, r, isNew);
        made += isNew ? 1 : 0;
    }
    const double novel =
        plainIsNew && !proposed.empty() ? double(made) / double(proposed.size()) : 0.0;

    // Predict the next step: the right sides of the fully present left sides' contexts that
    // were right most often.
    cross(Left, m_left);
    double best = 0.0;
    std::vector<int> predictors;
    for (int l : m_crossed[Left]) {
        const Semi &semi = m_semis[Left][std::size_t(l)];
        if (semi.present.size() != semi.facts.size())
            continue;
        for (const auto &[r, id] : semi.contexts) {
            const Context &context = m_contexts[std::size_t(id)];
            const double weight = context.selected > 0.0 ? context.matched / context.selected : 0.0;
            if (weight > best) {
                best = weight;
                predictors.assign(1, id);
            } else if (weight == best) {
                predictors.push_back(id);
            }
        }
    }
    m_predicted.clear();
    for (int id : predictors) {
        const Facts &right = m_contexts[std::size_t(id)].right;
        m_predicted.insert(m_predicted.end(), right.begin(), right.end());
    }
    std::sort(m_predicted.begin(), m_predicted.end());
    m_predicted.erase(std::unique(m_predicted.begin(), m_predicted.end()), m_predicted.end());

    return surprise ? (unpredicted + novel) / 2.0 : 0.0;
}

} // namespace tideline
