namespace PartyAssistant.Obligations;

/// <summary>Whether a sentence tells someone to do something (a step) rather than report or describe: the same reading the checklists use.</summary>
public static class Directive
{
    public static bool IsStep(string sentence)
    {
        var read = ObligationSentence.Read(sentence, directiveContext: true);
        return read.HasSubject ? read.Obligatory : read.Imperative;
    }
}
