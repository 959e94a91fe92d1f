#pragma once

#include <cstddef>
#include <iterator>
#include <memory>
#include <vector>

namespace pop3 {

// A vector in chunks of Chunk elements shared between copies: copying one costs a pointer per
// chunk, and a write to a shared chunk copies that chunk alone. SequenceModel keeps its rows in
// one so that a replay can keep copies of the model (events/checkpoints.h) of 100,000 rows for
// almost nothing. Reading is operator[]; writing says so (mut), so a read never copies a chunk.
template<typename T, std::size_t Chunk = 256> class ChunkedVector final
{
public:
    class const_iterator
    {
    public:
        using iterator_category = std::random_access_iterator_tag;
        using value_type = T;
        using difference_type = std::ptrdiff_t;
        using pointer = const T *;
        using reference = const T &;

        const_iterator() = default;

        const_iterator(const ChunkedVector *v, std::size_t i)
            : m_v(v)
            , m_i(i)
        { }

        reference operator*() const { return (*m_v)[m_i]; }

        pointer operator->() const { return &(*m_v)[m_i]; }

        reference operator[](difference_type n) const { return (*m_v)[std::size_t(m_i + n)]; }

        const_iterator &operator++()
        {
            ++m_i;
            return *this;
        }

        const_iterator operator++(int)
        {
            const_iterator old = *this;
            ++m_i;
            return old;
        }

        const_iterator &operator--()
        {
            --m_i;
            return *this;
        }

        const_iterator operator--(int)
        {
            const_iterator old = *this;
            --m_i;
            return old;
        }

        const_iterator &operator+=(difference_type n)
        {
            m_i = std::size_t(difference_type(m_i) + n);
            return *this;
        }

        const_iterator &operator-=(difference_type n)
        {
            m_i = std::size_t(difference_type(m_i) - n);
            return *this;
        }

        friend const_iterator operator+(const_iterator it, difference_type n) { return it += n; }

        friend const_iterator operator+(difference_type n, const_iterator it) { return it += n; }

        friend const_iterator operator-(const_iterator it, difference_type n) { return it -= n; }

        friend difference_type operator-(const const_iterator &a, const const_iterator &b)
        {
            return difference_type(a.m_i) - difference_type(b.m_i);
        }

        friend bool operator==(const const_iterator &a, const const_iterator &b)
        {
            return a.m_i == b.m_i;
        }

        friend bool operator!=(const const_iterator &a, const const_iterator &b)
        {
            return a.m_i != b.m_i;
        }

        friend bool operator<(const const_iterator &a, const const_iterator &b)
        {
            return a.m_i < b.m_i;
        }

        friend bool operator>(const const_iterator &a, const const_iterator &b)
        {
            return a.m_i > b.m_i;
        }

        friend bool operator<=(const const_iterator &a, const const_iterator &b)
        {
            return a.m_i <= b.m_i;
        }

        friend bool operator>=(const const_iterator &a, const const_iterator &b)
        {
            return a.m_i >= b.m_i;
        }

    private:
        const ChunkedVector *m_v = nullptr;
        std::size_t m_i = 0;
    };

    std::size_t size() const { return m_size; }

    bool empty() const { return m_size == 0; }

    const T &operator[](std::size_t i) const { return (*m_chunks[i / Chunk])[i % Chunk]; }

    const T &back() const { return (*this)[m_size - 1]; }

    // The element for writing: its chunk is copied first if another copy shares it.
    T &mut(std::size_t i) { return (*own(i / Chunk))[i % Chunk]; }

    void push_back(T value)
    {
        if (m_size % Chunk == 0) {
            m_chunks.push_back(std::make_shared<std::vector<T>>());
            m_chunks.back()->reserve(Chunk);
        }
        own(m_chunks.size() - 1)->push_back(std::move(value));
        ++m_size;
    }

    void clear()
    {
        m_chunks.clear();
        m_size = 0;
    }

    const_iterator begin() const { return {this, 0}; }

    const_iterator end() const { return {this, m_size}; }

private:
    std::vector<T> *own(std::size_t chunk)
    {
        std::shared_ptr<std::vector<T>> &c = m_chunks[chunk];
        if (c.use_count() > 1) {
            auto copy = std::make_shared<std::vector<T>>();
            copy->reserve(Chunk);
            copy->insert(copy->end(), c->begin(), c->end());
            c = std::move(copy);
        }
        return c.get();
    }

    std::vector<std::shared_ptr<std::vector<T>>> m_chunks;
    std::size_t m_size = 0;
};

} // namespace pop3
