using Lucene.Net.Analysis;
using Lucene.Net.Analysis.TokenAttributes;

namespace PartyAssistant.Search;

/// <summary>
/// Each two adjacent syllables as one term, "a b": what Lucene's ShingleFilter(2, 2) without unigrams gives for a
/// stream without gaps, which this analysis always is. ShingleFilter captures and restores every attribute of every token,
/// and was half the time of indexing a document; this keeps the previous syllable only.
/// </summary>
internal sealed class SyllablePairFilter : TokenFilter
{
    private readonly ICharTermAttribute term;
    private readonly IOffsetAttribute offset;
    private readonly IPositionIncrementAttribute increment;
    private char[] previous = new char[16];
    private char[] current = new char[16];
    private int previousLength = -1;
    private int previousStart;

    public SyllablePairFilter(TokenStream input) : base(input)
    {
        this.term = this.AddAttribute<ICharTermAttribute>();
        this.offset = this.AddAttribute<IOffsetAttribute>();
        this.increment = this.AddAttribute<IPositionIncrementAttribute>();
    }

    public override bool IncrementToken()
    {
        while (this.m_input.IncrementToken())
        {
            var length = this.term.Length;
            var start = this.offset.StartOffset;
            if (this.previousLength < 0)
            {
                this.Remember(length, start);
                continue;
            }

            // The pair is built in place: this syllable is set aside, then the previous one, a space and this one written.
            if (this.current.Length < length)
            {
                this.current = new char[length * 2];
            }

            this.term.Buffer.AsSpan(0, length).CopyTo(this.current);
            var end = this.offset.EndOffset;
            var buffer = this.term.ResizeBuffer(this.previousLength + 1 + length);
            this.previous.AsSpan(0, this.previousLength).CopyTo(buffer);
            buffer[this.previousLength] = ' ';
            this.current.AsSpan(0, length).CopyTo(buffer.AsSpan(this.previousLength + 1));
            this.term.Length = this.previousLength + 1 + length;
            this.offset.SetOffset(this.previousStart, end);
            this.increment.PositionIncrement = 1;

            (this.previous, this.current) = (this.current, this.previous);
            this.previousLength = length;
            this.previousStart = start;
            return true;
        }

        return false;
    }

    public override void Reset()
    {
        base.Reset();
        this.previousLength = -1;
        this.previousStart = 0;
    }

    private void Remember(int length, int start)
    {
        if (this.previous.Length < length)
        {
            this.previous = new char[length * 2];
        }

        this.term.Buffer.AsSpan(0, length).CopyTo(this.previous);
        this.previousLength = length;
        this.previousStart = start;
    }
}
