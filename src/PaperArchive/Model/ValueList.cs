using System.Collections;
using System.Collections.Immutable;

namespace PaperArchive.Model;

/// <summary>
/// An immutable list with structural equality, so that records holding lists compare by value
/// (a record with <see cref="ImmutableArray{T}"/> or <see cref="List{T}"/> fields would compare by
/// reference, and the archive round-trip test could not be written as a plain equality).
/// </summary>
public sealed class ValueList<T> : IReadOnlyList<T>, IEquatable<ValueList<T>>
{
    public static readonly ValueList<T> Empty = new(ImmutableArray<T>.Empty);

    private readonly ImmutableArray<T> _items;

    private ValueList(ImmutableArray<T> items) => _items = items;

    public static ValueList<T> From(IEnumerable<T>? items)
    {
        var array = items is null ? ImmutableArray<T>.Empty : items.ToImmutableArray();
        return array.IsEmpty ? Empty : new ValueList<T>(array);
    }

    /// <summary>Takes ownership of <paramref name="owned"/> without copying it; the caller must never change it afterwards.</summary>
    internal static ValueList<T> Wrap(T[] owned) =>
        owned.Length == 0 ? Empty : new ValueList<T>(System.Runtime.InteropServices.ImmutableCollectionsMarshal.AsImmutableArray(owned));

    public T this[int index] => _items[index];

    public int Count => _items.Length;

    public IEnumerator<T> GetEnumerator() => ((IEnumerable<T>)_items).GetEnumerator();

    IEnumerator IEnumerable.GetEnumerator() => GetEnumerator();

    public bool Equals(ValueList<T>? other) =>
        other is not null && _items.AsSpan().SequenceEqual(other._items.AsSpan(), EqualityComparer<T>.Default);

    public override bool Equals(object? obj) => obj is ValueList<T> other && Equals(other);

    public override int GetHashCode()
    {
        var hash = new HashCode();
        foreach (var item in _items)
        {
            hash.Add(item);
        }
        return hash.ToHashCode();
    }

    public override string ToString() => "[" + string.Join(", ", _items) + "]";

    public static implicit operator ValueList<T>(T[] items) => From(items);
}

public static class ValueList
{
    public static ValueList<T> Of<T>(params T[] items) => ValueList<T>.From(items);

    public static ValueList<T> ToValueList<T>(this IEnumerable<T> items) => ValueList<T>.From(items);
}
