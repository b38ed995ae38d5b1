"""classroom: tools for teachers, kept apart from `helpers`, the learners' package.

student   the handouts: every notebook with its solutions replaced by stubs
          (`make student`, or python -m classroom.student notebooks student)
"""
