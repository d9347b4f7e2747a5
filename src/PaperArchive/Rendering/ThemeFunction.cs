using Scriban;
using Scriban.Runtime;
using Scriban.Syntax;

namespace PaperArchive.Rendering;

/// <summary>
/// A theme function (<c>rel</c>, <c>exists</c>, <c>plural</c>, …) called directly. Importing a delegate
/// into a <see cref="ScriptObject"/> makes Scriban call it through <see cref="Delegate.DynamicInvoke"/>,
/// which looks the method up by reflection on every call: profiled on a 5,000-paper build, that lookup
/// alone was a quarter of the time spent rendering pages (<c>rel</c> runs a few hundred times a page).
/// Arguments are converted with <see cref="TemplateContext.ToObject{T}(Scriban.Parsing.SourceSpan, object)"/>,
/// as Scriban converts them for imported delegates.
/// </summary>
internal sealed class ThemeFunction : IScriptCustomFunction
{
    private readonly ScriptParameterInfo[] _parameters;
    private readonly Func<TemplateContext, ScriptNode?, ScriptArray, object?> _body;

    private ThemeFunction(Type returnType, ScriptParameterInfo[] parameters, Func<TemplateContext, ScriptNode?, ScriptArray, object?> body)
    {
        ReturnType = returnType;
        _parameters = parameters;
        _body = body;
    }

    public int RequiredParameterCount => _parameters.Length;

    public int ParameterCount => _parameters.Length;

    public ScriptVarParamKind VarParamKind => ScriptVarParamKind.None;

    public Type ReturnType { get; }

    public ScriptParameterInfo GetParameterInfo(int index) => _parameters[index];

    public int GetParameterIndexByName(string name) => Array.FindIndex(_parameters, p => p.Name == name);

    public object? Invoke(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        _body(context, callerContext, arguments);

    public ValueTask<object?> InvokeAsync(TemplateContext context, ScriptNode? callerContext, ScriptArray arguments, ScriptBlockStatement? blockStatement) =>
        new(Invoke(context, callerContext, arguments, blockStatement));

    public static ThemeFunction Of<T, TResult>(string name, Func<TemplateContext, T, TResult> body) =>
        new(typeof(TResult), [new ScriptParameterInfo(typeof(T), name)], (c, node, a) => body(c, Arg<T>(c, node, a, 0)));

    public static ThemeFunction Of<T1, T2, T3, TResult>(string name1, string name2, string name3, Func<TemplateContext, T1, T2, T3, TResult> body) =>
        new(typeof(TResult), [new ScriptParameterInfo(typeof(T1), name1), new ScriptParameterInfo(typeof(T2), name2), new ScriptParameterInfo(typeof(T3), name3)],
            (c, node, a) => body(c, Arg<T1>(c, node, a, 0), Arg<T2>(c, node, a, 1), Arg<T3>(c, node, a, 2)));

    /// <summary>A function that returns nothing (Scriban writes nothing for it).</summary>
    public static ThemeFunction Action<T>(string name, Action<TemplateContext, T> body) =>
        new(typeof(void), [new ScriptParameterInfo(typeof(T), name)], (c, node, a) =>
        {
            body(c, Arg<T>(c, node, a, 0));
            return null;
        });

    private static T Arg<T>(TemplateContext context, ScriptNode? node, ScriptArray arguments, int index) =>
        context.ToObject<T>(node?.Span ?? default, arguments[index])!;
}
