namespace PartyAssistant.Answering;

/// <summary>How answers are made (section "Answering").</summary>
public sealed class AnsweringOptions
{
    public const string SectionName = "Answering";

    /// <summary>Passages given to the answerer (and listed with the answer).</summary>
    public int Passages { get; set; } = 5;

    /// <summary>
    /// The least evidence to answer from: the best of the top three passages must cover at least
    /// this share of the question's rarity-weighted syllables. Below it the answer says the
    /// loaded documents do not cover the question. Calibrated on the dev set (docs/BENCHMARKS.md).
    /// </summary>
    public double MinCoverage { get; set; } = 0.45;

    /// <summary>Seconds to wait for a configured model before answering offline instead.</summary>
    public double ModelTimeoutSeconds { get; set; } = 30;

    /// <summary>Sentences the offline answerer quotes at most.</summary>
    public int MaxSentences { get; set; } = 3;
}
