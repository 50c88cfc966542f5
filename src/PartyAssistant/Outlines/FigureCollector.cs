using PartyAssistant.Corpus;
using PartyAssistant.Facts;

namespace PartyAssistant.Outlines;

/// <summary>
/// "Số liệu và mốc thời gian cần nhớ": every sentence of the document with a percentage, a
/// quantity, a milestone or a concrete frequency, with those facts as written and the passage cited.
/// </summary>
internal static class FigureCollector
{
    public static IReadOnlyList<OutlineFigure> Collect(CorpusDocument document)
    {
        var figures = new List<OutlineFigure>();
        foreach (var passage in DocumentParts.Taught(document).Where(p => !PassageHeadings.RepeatsHeading(p)))
        {
            var source = new OutlineCitation(passage.Label, passage.Id);
            foreach (var sentence in KeyPointSelector.Statements(passage.Text))
            {
                var facts = FactExtractor.Extract(sentence).Where(f => f.IsMemorableFigure).ToList();
                if (facts.Count > 0)
                {
                    figures.Add(new OutlineFigure(facts, sentence, source));
                }
            }
        }

        return figures;
    }
}
